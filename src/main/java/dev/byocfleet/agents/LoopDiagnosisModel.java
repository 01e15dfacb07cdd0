package dev.byocfleet.agents;

import dev.byocfleet.agentloop.AgentLoop;
import dev.byocfleet.agentloop.AgentRequest;
import dev.byocfleet.agentloop.AgentResult;
import dev.byocfleet.agentloop.AgentTool;
import dev.byocfleet.agentloop.McpToolAdapter;
import dev.byocfleet.llm.CallContext;
import dev.byocfleet.llm.Cancellation;
import dev.byocfleet.llm.LlmService;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The Investigator's model: the shared agent loop with the product's read-only MCP tools, so the
 * model can look further than the evidence pack (the tools run as whoever runs the investigation —
 * the viewer agent identity on schedule). Its answer goes to {@link ModelDiagnoser}, which validates
 * it against the diagnosis schema. Available only when a provider is configured; otherwise the
 * Investigator diagnoses by rules and says so.
 */
@Component
class LoopDiagnosisModel implements DiagnosisModel {

    static final String AGENT = "investigator";

    private final AgentLoop loop;
    private final McpToolAdapter tools;
    private final LlmService llm;

    LoopDiagnosisModel(AgentLoop loop, McpToolAdapter tools, LlmService llm) {
        this.loop = loop;
        this.tools = tools;
        this.llm = llm;
    }

    @Override
    public boolean available() {
        return loop.configured();
    }

    @Override
    public String complete(String system, String user) {
        return complete(system, user, null);
    }

    @Override
    public String complete(String system, String user, @Nullable String clusterId) {
        List<AgentTool> asCaller = tools.toolsAs(SecurityContextHolder.getContext());
        CallContext context = new CallContext(AGENT, InvestigationScope.current(), null, null, clusterId);
        AgentRequest request = new AgentRequest(context, system, List.of(), user, asCaller,
                null, false);
        AgentResult result = loop.run(request, null, Cancellation.none());
        return switch (result.outcome()) {
            case COMPLETED, BUDGET_EXHAUSTED -> result.answer();
            default -> throw new IllegalStateException("the model run ended " + result.outcome()
                    + (result.note() == null ? "" : ": " + result.note()));
        };
    }

    @Override
    public String name() {
        String model = llm.status().model();
        return model == null || model.isBlank() ? "llm" : model;
    }
}
