package dev.byocfleet.agentloop;

import dev.byocfleet.agentloop.AgentResult.Outcome;
import dev.byocfleet.llm.Cancellation;
import dev.byocfleet.llm.LlmException;
import dev.byocfleet.llm.LlmMessage;
import dev.byocfleet.llm.LlmMessage.AssistantTurn;
import dev.byocfleet.llm.LlmMessage.ToolResults;
import dev.byocfleet.llm.LlmMessage.UserText;
import dev.byocfleet.llm.LlmRequest;
import dev.byocfleet.llm.LlmResponse;
import dev.byocfleet.llm.LlmService;
import dev.byocfleet.llm.StreamListener;
import dev.byocfleet.llm.TokenUsage;
import dev.byocfleet.llm.ToolSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent loop every LLM agent shares (the seed's AgentBase): call the model with the tools, run
 * the tools it asks for (in parallel, each recorded with an id, output capped and delimited as
 * data), give it the results, repeat until it answers. A budget reached (steps, tokens, wall time)
 * ends in one more call without tools asking for the final answer; a provider failure, a cancel or
 * a missing provider end the run with that outcome. It never throws for any of these.
 */
@Service
public class AgentLoop {

    static final String FINAL_ANSWER_PROMPT = """
            The budget of this run is used up (%s). Do not call any more tools. Give your final answer now, \
            based only on the tool results above, and say what you could not check.""";

    private final LlmService llm;
    private final ToolRunner tools;
    private final Clock clock;

    @Autowired
    public AgentLoop(LlmService llm, JsonMapper json) {
        this(llm, json, Clock.systemUTC());
    }

    public AgentLoop(LlmService llm, JsonMapper json, Clock clock) {
        this.llm = llm;
        this.tools = new ToolRunner(json);
        this.clock = clock;
    }

    public boolean configured() {
        return llm.configured();
    }

    public AgentResult run(AgentRequest request, @Nullable AgentListener listener, Cancellation cancellation) {
        AgentListener events = listener == null ? new AgentListener() { } : listener;
        List<LlmMessage> messages = new ArrayList<>(request.history());
        messages.add(new UserText(request.task()));
        if (!llm.configured()) {
            return new AgentResult(Outcome.NOT_CONFIGURED, "", List.of(), 0, TokenUsage.NONE, messages,
                    llm.status().reason());
        }
        Run run = new Run(request, messages, events, cancellation, Instant.now(clock));
        return run.loop();
    }

    /** The wall-time budget ran out while the model was answering. */
    private static final class WallTimeReached extends RuntimeException {
        WallTimeReached() {
            super(null, null, false, false);
        }
    }

    /** The state of one run. */
    private final class Run {
        private final AgentRequest request;
        private final List<LlmMessage> messages;
        private final AgentListener events;
        private final Cancellation cancellation;
        private final Instant started;
        private final String system;
        private final List<ToolSpec> specs;
        private final List<ToolCallRecord> calls = new ArrayList<>();
        private TokenUsage tokens = TokenUsage.NONE;
        private int steps;

        Run(AgentRequest request, List<LlmMessage> messages, AgentListener events, Cancellation cancellation, Instant started) {
            this.request = request;
            this.messages = messages;
            this.events = events;
            this.cancellation = cancellation;
            this.started = started;
            this.system = request.system().isBlank() ? UntrustedText.RULES : request.system().strip() + "\n\n" + UntrustedText.RULES;
            this.specs = request.tools().stream().map(t -> new ToolSpec(t.name(), t.description(), t.inputSchema())).toList();
        }

        AgentResult loop() {
            AgentBudget budget = request.budget();
            try {
                while (true) {
                    if (cancellation.isCancelled()) {
                        return end(Outcome.CANCELLED, "", "Cancelled");
                    }
                    String exhausted = exhausted(budget);
                    if (exhausted != null) {
                        return forceFinalAnswer(exhausted);
                    }
                    LlmResponse response;
                    try {
                        response = callWithinWallTime(new LlmRequest(system, messages, specs, 0), budget);
                    } catch (WallTimeReached e) {
                        return forceFinalAnswer("time limit of " + budget.maxWallTime().toSeconds()
                                + " s reached during a model call");
                    }
                    messages.add(new AssistantTurn(response.text(), response.toolCalls()));
                    if (response.toolCalls().isEmpty() || specs.isEmpty()) {
                        return end(Outcome.COMPLETED, response.text(), null);
                    }
                    List<ToolCallRecord> done = tools.runAll(response.toolCalls(), request.tools(), steps, calls.size(),
                            budget, events, cancellation);
                    calls.addAll(done);
                    messages.add(new ToolResults(done.stream().map(ToolRunner::result).toList()));
                }
            } catch (LlmException e) {
                Outcome outcome = e.kind() == LlmException.Kind.CANCELLED ? Outcome.CANCELLED : Outcome.FAILED;
                return end(outcome, "", e.getMessage());
            }
        }

        private @Nullable String exhausted(AgentBudget budget) {
            if (steps >= budget.maxSteps()) {
                return "step limit of " + budget.maxSteps() + " model calls reached";
            }
            if (tokens.total() >= budget.maxTokens()) {
                return "token limit of " + budget.maxTokens() + " reached";
            }
            Duration elapsed = Duration.between(started, Instant.now(clock));
            if (elapsed.compareTo(budget.maxWallTime()) >= 0) {
                return "time limit of " + budget.maxWallTime().toSeconds() + " s reached";
            }
            return null;
        }

        private AgentResult forceFinalAnswer(String why) {
            messages.add(new UserText(FINAL_ANSWER_PROMPT.formatted(why)));
            LlmResponse response = call(new LlmRequest(system, messages, specs, 0, true));
            // A model that still asks for tools gets none; its text is the answer.
            messages.add(new AssistantTurn(response.text(), List.of()));
            return end(Outcome.BUDGET_EXHAUSTED, response.text(), "Budget: " + why);
        }

        /** A call the wall-time budget may cut short; the forced final call afterwards is not. */
        private LlmResponse callWithinWallTime(LlmRequest llmRequest, AgentBudget budget) {
            Duration left = budget.maxWallTime().minus(Duration.between(started, Instant.now(clock)));
            try (Cancellation.Deadline deadline = cancellation.withTimeout(left)) {
                try {
                    return call(llmRequest, deadline.cancellation());
                } catch (LlmException e) {
                    if (e.kind() == LlmException.Kind.CANCELLED && deadline.timedOut() && !cancellation.isCancelled()) {
                        throw new WallTimeReached();
                    }
                    throw e;
                }
            }
        }

        private LlmResponse call(LlmRequest llmRequest) {
            return call(llmRequest, cancellation);
        }

        private LlmResponse call(LlmRequest llmRequest, Cancellation callCancellation) {
            StreamListener stream = request.stream() ? events::text : null;
            steps++;
            LlmResponse response = llm.call(request.context(), llmRequest, stream, callCancellation);
            tokens = tokens.plus(response.usage());
            return response;
        }

        private AgentResult end(Outcome outcome, String answer, @Nullable String note) {
            return new AgentResult(outcome, answer, calls, steps, tokens, messages, note);
        }
    }
}
