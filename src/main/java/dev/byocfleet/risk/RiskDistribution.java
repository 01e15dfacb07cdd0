package dev.byocfleet.risk;

import java.time.LocalDateTime;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fleet's newest risk snapshot by level, overall and broken down. Every inner map has the keys
 * critical, high, medium and low; missing tiers, regions or versions are "unknown"; versions are
 * major.minor.
 */
public record RiskDistribution(@Nullable LocalDateTime asOf, int clusters, Map<String, Integer> byLevel,
                               Map<String, Map<String, Integer>> byTier, Map<String, Map<String, Integer>> byRegion,
                               Map<String, Map<String, Integer>> byVersion,
                               Map<String, Map<String, Integer>> byClusterType) {
}
