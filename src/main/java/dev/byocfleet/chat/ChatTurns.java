package dev.byocfleet.chat;

import dev.byocfleet.agentloop.AgentBudget;
import dev.byocfleet.agentloop.AgentListener;
import dev.byocfleet.agentloop.AgentLoop;
import dev.byocfleet.agentloop.AgentRequest;
import dev.byocfleet.agentloop.AgentResult;
import dev.byocfleet.agentloop.AgentResult.Outcome;
import dev.byocfleet.agentloop.AgentTool;
import dev.byocfleet.agentloop.ToolCallRecord;
import dev.byocfleet.api.ConflictException;
import dev.byocfleet.chat.ChatRecords.ToolCallView;
import dev.byocfleet.llm.CallContext;
import dev.byocfleet.llm.Cancellation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * Runs chat turns: one at a time per session, each on a virtual thread of its own, streaming what
 * happens to the turn's {@link ChatStream} and keeping its {@link Cancellation} so that the stop
 * endpoint, or the client going away, ends the model call.
 */
@Component
class ChatTurns {

    static final String AGENT = "chat";
    static final String SYSTEM = """
            You are BYOCAgent, the assistant of an SRE team that runs a fleet of StarRocks clusters deployed as \
            CelerData BYOC. Answer questions about the fleet with facts from the tools: look before you answer, \
            name clusters by id (for example c-001), issues as issue #<id> and investigations as investigation <id>, \
            and say what you could not check. Tools named <server>__<tool> come from external MCP servers. \
            SQL runs read-only through sql_query. Answer in concise Markdown (tables for lists of clusters).""";
    static final int PREVIEW_CHARS = 400;
    private static final Logger log = LoggerFactory.getLogger(ChatTurns.class);

    /** What a turn needs: who, where, what, and the conversation so far. */
    record Turn(String userId, String sessionId, String message, ConversationWindow.Window window, SecurityContext security) {}

    /** What a finished turn leaves behind, for the transcript. */
    record Finished(Outcome outcome, String answer, List<ToolCallView> calls, long tokens) {}

    /** Persists the answer of a finished turn (the service's part). */
    @FunctionalInterface
    interface Recorder {
        void record(Turn turn, Finished finished);
    }

    private final AgentLoop loop;
    private final ChatTools tools;
    private final McpServerService servers;
    private final ChatProperties props;
    private final Map<String, Cancellation> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("chat-heartbeat").factory());

    ChatTurns(AgentLoop loop, ChatTools tools, McpServerService servers, ChatProperties props) {
        this.loop = loop;
        this.tools = tools;
        this.servers = servers;
        this.props = props;
    }

    boolean configured() {
        return loop.configured();
    }

    /** Claims the session for a turn; a second turn while one runs is refused. */
    Cancellation claim(String sessionId) {
        Cancellation cancellation = new Cancellation();
        if (running.putIfAbsent(sessionId, cancellation) != null) {
            throw new ConflictException("A turn is already running in this session; stop it or wait for it to finish.");
        }
        return cancellation;
    }

    /** Gives up a claim whose turn never started. */
    void release(String sessionId, Cancellation cancellation) {
        running.remove(sessionId, cancellation);
    }

    /** Stops the session's running turn; false when none runs. */
    boolean cancel(String sessionId) {
        Cancellation c = running.get(sessionId);
        if (c == null) {
            return false;
        }
        c.cancel();
        return true;
    }

    /** Starts the claimed turn in the background. */
    void start(Turn turn, Cancellation cancellation, ChatStream stream, Recorder recorder) {
        stream.onClose(cancellation::cancel);
        ScheduledFuture<?> beat = heartbeat.scheduleAtFixedRate(() -> {
            if (!stream.heartbeat()) {
                cancellation.cancel();
            }
        }, 10, 10, TimeUnit.SECONDS);
        Thread.ofVirtual().name("chat-" + turn.sessionId()).start(() -> {
            try {
                run(turn, cancellation, stream, recorder);
            } catch (RuntimeException e) {
                log.error("Chat turn in session {} failed", turn.sessionId(), e);
                stream.send("error", Map.of("message", "The turn failed unexpectedly; the error has been logged."));
            } finally {
                beat.cancel(false);
                running.remove(turn.sessionId(), cancellation);
                stream.complete();
            }
        });
    }

    private void run(Turn turn, Cancellation cancellation, ChatStream stream, Recorder recorder) {
        stream.send("session", Map.of("session_id", turn.sessionId()));
        if (turn.window().summary() != null) {
            stream.send("notice", Map.of("message", turn.window().folded() + " earlier messages were summarized to fit the model's window."));
        }
        try (ExternalMcpTools external = servers.connectAll()) {
            external.unreachable().forEach(u -> stream.send("notice",
                    Map.of("message", "MCP server " + u.server() + " is unavailable this turn: " + u.reason())));
            List<AgentTool> all = new ArrayList<>(tools.productTools(turn.security()));
            all.addAll(external.tools());
            AgentBudget budget = new AgentBudget(props.maxSteps(), props.maxTokens(), props.maxWallTime(),
                    props.maxToolOutputChars(), 4);
            AgentRequest request = new AgentRequest(new CallContext(AGENT, null, null, turn.sessionId(), null), SYSTEM,
                    turn.window().history(), turn.message(), all, budget, true);
            StringBuilder streamed = new StringBuilder();
            AgentResult result = loop.run(request, listener(stream, streamed), cancellation);
            finish(turn, result, streamed.toString(), stream, recorder);
        }
    }

    private static AgentListener listener(ChatStream stream, StringBuilder streamed) {
        return new AgentListener() {
            @Override
            public void text(String delta) {
                streamed.append(delta);
                stream.send("text", Map.of("delta", delta));
            }

            @Override
            public void toolStarted(String id, String tool, String arguments) {
                stream.send("tool_started", Map.of("id", id, "tool", tool, "arguments", arguments == null ? "" : arguments));
            }

            @Override
            public void toolFinished(ToolCallRecord call) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("id", call.id());
                event.put("tool", call.tool());
                event.put("error", call.error());
                event.put("truncated", call.truncated());
                event.put("duration_ms", call.durationMs());
                event.put("preview", preview(call.output()));
                stream.send("tool_finished", event);
            }
        };
    }

    private static void finish(Turn turn, AgentResult result, String streamed, ChatStream stream, Recorder recorder) {
        String answer = switch (result.outcome()) {
            case COMPLETED, BUDGET_EXHAUSTED -> result.answer();
            case CANCELLED -> streamed.isBlank() ? "_(stopped)_" : streamed + "\n\n_(stopped)_";
            case FAILED, NOT_CONFIGURED -> streamed;
        };
        List<ToolCallView> calls = result.toolCalls().stream().map(c -> new ToolCallView(c.id(), c.tool(), c.arguments(),
                c.output(), c.error(), c.truncated(), c.durationMs())).toList();
        recorder.record(turn, new Finished(result.outcome(), answer, calls, result.tokens().total()));
        if (result.outcome() == Outcome.FAILED || result.outcome() == Outcome.NOT_CONFIGURED) {
            stream.send("error", Map.of("message", result.note() == null ? "The model call failed." : result.note()));
        } else if (result.outcome() == Outcome.BUDGET_EXHAUSTED) {
            stream.send("notice", Map.of("message", result.note() == null ? "Budget reached." : result.note()));
        }
        var t = result.tokens();
        stream.send("usage", Map.of("input_tokens", t.input(), "output_tokens", t.output(), "cache_read_tokens", t.cacheRead(),
                "cache_write_tokens", t.cacheWrite(), "steps", result.steps(), "tool_calls", calls.size()));
        stream.send("done", Map.of("outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT), "answer", answer));
    }

    static String preview(String output) {
        String t = output == null ? "" : output;
        return t.length() <= PREVIEW_CHARS ? t : t.substring(0, PREVIEW_CHARS) + "…";
    }
}
