package dev.byocfleet.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.issues.ai.AiIssueFacts;
import dev.byocfleet.issues.ai.AiIssueSummarizer.Summary;
import dev.byocfleet.llm.LlmTestWiring;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AI issue summaries by the model (replayed provider), and the template whenever the model cannot help. */
class LlmAiIssueSummarizerTest {

    private static final AiIssueFacts FACTS = new AiIssueFacts("disk capacity", List.of("sr-a", "sr-b"),
            List.of("Data Disk Capacity Alert", "Data Disk Capacity Alert"), 2, 1, 2,
            Map.of("version", "3.3.2"), LocalDateTime.of(2026, 11, 28, 8, 0), LocalDateTime.of(2026, 11, 28, 11, 0),
            "Expand the BE data volumes; check compaction.");

    @Test
    void theModelWritesTheSummaryAndItsTokensAndUsageAreRecorded() {
        try (LlmTestWiring replay = LlmTestWiring.openai()) {
            replay.reply(200, "stop.json");

            Summary s = new LlmAiIssueSummarizer(replay.service()).summarize(FACTS);

            assertThat(s.source()).isEqualTo("llm");
            assertThat(s.text()).isEqualTo("Disk usage reached 93% (call-1): disk_capacity.");
            assertThat(s.inputTokens()).isEqualTo(2100);
            assertThat(s.outputTokens()).isEqualTo(24);
            String sent = replay.requests().getFirst().toString();
            assertThat(sent).contains("sr-a").contains("3.3.2").contains("untrusted_data");
            assertThat(replay.usageRows()).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("agent", LlmAiIssueSummarizer.AGENT));
        }
    }

    @Test
    void aFailingProviderLeavesTheTemplateSummary() {
        try (LlmTestWiring replay = LlmTestWiring.openai()) {
            replay.reply(401, "invalid-api-key.json");

            Summary s = new LlmAiIssueSummarizer(replay.service()).summarize(FACTS);

            assertThat(s.source()).isEqualTo("template");
            assertThat(s.inputTokens()).isNull();
            assertThat(s.text()).contains("sr-a").contains("StarRocks 3.3.2");
        }
    }

    @Test
    void withoutAProviderTheTemplateIsUsedAndNothingIsCalled() {
        Summary s = new LlmAiIssueSummarizer(LlmTestWiring.unconfigured()).summarize(FACTS);
        assertThat(s.source()).isEqualTo("template");
    }
}
