package dev.byocfleet.ingest.lark;

import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the Lark pipeline daily ({@code BYOC_LARK_CRON}, UTC; {@code -} turns it off). Without an
 * app and a chat configured it does nothing: checked at each firing rather than by a bean condition,
 * so the secret never passes through an expression that could echo it in an error.
 */
@Component
class LarkPipelineSchedule {

    private final LarkPipeline pipeline;

    LarkPipelineSchedule(LarkPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Scheduled(cron = "${byoc.lark.cron:0 30 1 * * *}", zone = "UTC")
    void daily() {
        if (pipeline.configured()) {
            pipeline.runDaily(Instant.now());
        }
    }
}
