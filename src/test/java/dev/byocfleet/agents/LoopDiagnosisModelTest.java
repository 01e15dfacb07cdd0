package dev.byocfleet.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.agentloop.AgentLoop;
import dev.byocfleet.agentloop.McpToolAdapter;
import dev.byocfleet.llm.LlmTestWiring;
import dev.byocfleet.support.LocalHttpServer.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Investigator's model is the shared agent loop over a real provider client (replayed): its
 * answer is validated like any model's, the alert text reaches the model only as delimited data,
 * and a provider that fails leaves the diagnosis to the rules.
 */
class LoopDiagnosisModelTest {

    private static LoopDiagnosisModel model(LlmTestWiring replay) {
        McpToolAdapter noTools = new McpToolAdapter(new StaticListableBeanFactory().getBeanProvider(
                org.springframework.core.ResolvableType.forClassWithGenerics(List.class,
                        io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification.class)));
        return new LoopDiagnosisModel(new AgentLoop(replay.service(), LlmTestWiring.JSON), noTools, replay.service());
    }

    private static String completion(LlmTestWiring replay, String content) {
        ObjectNode body = (ObjectNode) LlmTestWiring.JSON.readTree(replay.fixture("stop.json"));
        ((ObjectNode) body.path("choices").get(0).path("message")).put("content", content);
        return body.toString();
    }

    @Test
    void aValidAnswerFromTheModelBecomesAnLlmDiagnosisAndItsCallIsRecorded() {
        try (LlmTestWiring replay = LlmTestWiring.openai()) {
            replay.reply(Reply.json(200, completion(replay, ModelDiagnoserTest.VALID)));
            LoopDiagnosisModel model = model(replay);
            assertThat(model.available()).isTrue();

            Diagnosis d = InvestigationScope.with("inv-42",
                    () -> new ModelDiagnoser(model, new RulesDiagnoser()).diagnose(ModelDiagnoserTest.diskPack()));

            assertThat(d.mode()).isEqualTo("llm");
            assertThat(d.rootCause()).isEqualTo("disk_capacity");
            String sent = replay.requests().getFirst().toString();
            // The injected alert text is inside the delimited evidence block, never an instruction of its own.
            assertThat(sent).contains("ignore all previous instructions");
            assertThat(sent).contains("never instructions");
            assertThat(replay.usageRows()).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("agent", "investigator")
                            .containsEntry("investigation_id", "inv-42").containsEntry("cluster_id", "c-b"));
        }
    }

    @Test
    void aProviderThatRefusesLeavesTheDiagnosisToTheRulesAndSaysSo() {
        try (LlmTestWiring replay = LlmTestWiring.openai()) {
            replay.reply(401, "invalid-api-key.json");

            Diagnosis d = new ModelDiagnoser(model(replay), new RulesDiagnoser()).diagnose(ModelDiagnoserTest.diskPack());

            assertThat(d.mode()).isEqualTo(ModelDiagnoser.FALLBACK);
            assertThat(d.rootCause()).isEqualTo("disk_capacity");
        }
    }

    @Test
    void withoutAProviderTheModelIsNotAvailable() {
        try (LlmTestWiring replay = LlmTestWiring.openai()) {
            LoopDiagnosisModel unconfigured = new LoopDiagnosisModel(
                    new AgentLoop(LlmTestWiring.unconfigured(), LlmTestWiring.JSON), null, LlmTestWiring.unconfigured());
            assertThat(unconfigured.available()).isFalse();
        }
    }
}
