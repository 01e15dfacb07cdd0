package dev.byocfleet.risk;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * Open critical issues per cluster, for risk. The issues feature provides the real one; until it
 * exists {@link RiskConfiguration} supplies one that reports none.
 */
@FunctionalInterface
public interface OpenCriticalIssues {

    /** Clusters with at least one open critical issue at {@code asOf}, with their counts. */
    Map<String, Integer> countsByCluster(LocalDateTime asOf);
}
