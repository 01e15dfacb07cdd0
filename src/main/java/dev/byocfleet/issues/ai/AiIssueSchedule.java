package dev.byocfleet.issues.ai;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Recomputes the AI issue groups every half hour (the ids are stable, so a group is followed over runs). */
@Component
@ConditionalOnProperty(name = "byoc.issues.schedule-enabled", havingValue = "true", matchIfMissing = true)
class AiIssueSchedule {

    private final AiIssueService service;

    AiIssueSchedule(AiIssueService service) {
        this.service = service;
    }

    @Scheduled(initialDelayString = "${byoc.issues.ai-initial-delay:PT3M}", fixedDelayString = "${byoc.issues.ai-interval:PT30M}")
    void recompute() {
        service.recompute(LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }
}
