package dev.byocfleet.issues;

import dev.byocfleet.risk.OpenCriticalIssues;
import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Feeds risk's "open critical issues" factor from the issues table. */
@Component
class IssueCounts implements OpenCriticalIssues {

    private final IssueRepository repository;

    IssueCounts(IssueRepository repository) {
        this.repository = repository;
    }

    @Override
    public Map<String, Integer> countsByCluster(LocalDateTime asOf) {
        return repository.openCriticalByCluster(asOf);
    }
}
