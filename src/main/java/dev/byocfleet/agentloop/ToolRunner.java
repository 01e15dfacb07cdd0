package dev.byocfleet.agentloop;

import dev.byocfleet.agentloop.AgentTool.ToolOutput;
import dev.byocfleet.llm.Cancellation;
import dev.byocfleet.llm.LlmMessage.ToolResult;
import dev.byocfleet.llm.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the tool calls of one step at the same time (up to the budget's limit), each answered as a
 * result the model can read: unknown tools, malformed arguments and failures become tool errors
 * that say what to fix, never exceptions of the run.
 */
final class ToolRunner {

    private static final Logger log = LoggerFactory.getLogger(ToolRunner.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JsonMapper json;

    ToolRunner(JsonMapper json) {
        this.json = json;
    }

    /** Runs {@code requested} and answers one record per call, in the order asked; ids continue from {@code before}. */
    List<ToolCallRecord> runAll(List<ToolCall> requested, List<AgentTool> tools, int step, int before, AgentBudget budget,
                                AgentListener events, Cancellation cancellation) {
        Map<String, AgentTool> byName = tools.stream().collect(Collectors.toMap(AgentTool::name, t -> t, (a, b) -> a));
        Semaphore slots = new Semaphore(budget.maxParallelTools());
        List<Future<ToolCallRecord>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requested.size(); i++) {
                ToolCall call = requested.get(i);
                String id = "call-" + (before + i + 1);
                events.toolStarted(id, call.name(), call.arguments());
                futures.add(executor.submit(() -> {
                    slots.acquire();
                    try {
                        return runOne(id, step, call, byName, budget, cancellation);
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<ToolCallRecord> records = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                ToolCallRecord record = await(futures.get(i), "call-" + (before + i + 1), step, requested.get(i));
                events.toolFinished(record);
                records.add(record);
            }
            return records;
        }
    }

    private ToolCallRecord runOne(String id, int step, ToolCall call, Map<String, AgentTool> byName, AgentBudget budget,
                                  Cancellation cancellation) {
        long started = System.nanoTime();
        ToolOutput output;
        AgentTool tool = byName.get(call.name());
        if (cancellation.isCancelled()) {
            output = ToolOutput.error("Not run: the run was cancelled.");
        } else if (tool == null) {
            output = ToolOutput.error("Unknown tool '" + call.name() + "'. Available tools: "
                    + String.join(", ", byName.keySet().stream().sorted().toList()) + ".");
        } else {
            Map<String, Object> arguments = parse(call.arguments());
            if (arguments == null) {
                output = ToolOutput.error("The arguments are not a JSON object: " + excerpt(call.arguments())
                        + ". Call " + call.name() + " again with arguments that match its schema.");
            } else {
                output = invoke(tool, arguments);
            }
        }
        String text = output.text() == null ? "" : output.text();
        boolean truncated = text.length() > budget.maxToolOutputChars();
        if (truncated) {
            text = text.substring(0, budget.maxToolOutputChars()) + "\n[output truncated: " + budget.maxToolOutputChars()
                    + " of " + output.text().length() + " characters shown; narrow the request for the rest]";
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        return new ToolCallRecord(id, step, call.id(), call.name(), call.arguments(), text, output.error(), truncated, ms);
    }

    private static ToolOutput invoke(AgentTool tool, Map<String, Object> arguments) {
        try {
            ToolOutput out = tool.handler().apply(arguments);
            return out == null ? ToolOutput.error("The tool answered nothing.") : out;
        } catch (RuntimeException e) {
            log.warn("Agent tool {} failed", tool.name(), e);
            return ToolOutput.error("The tool failed (" + e.getClass().getSimpleName() + "); try other arguments or another tool.");
        }
    }

    private Map<String, Object> parse(String arguments) {
        if (arguments == null || arguments.isBlank()) {
            return Map.of();
        }
        try {
            Object value = json.readValue(arguments, Object.class);
            if (value instanceof Map<?, ?>) {
                return json.readValue(arguments, MAP);
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ToolCallRecord await(Future<ToolCallRecord> future, String id, int step, ToolCall call) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ToolCallRecord(id, step, call.id(), call.name(), call.arguments(), "Not run: interrupted.", true, false, 0);
        } catch (ExecutionException e) {
            return new ToolCallRecord(id, step, call.id(), call.name(), call.arguments(),
                    "The tool failed (" + e.getCause().getClass().getSimpleName() + ").", true, false, 0);
        }
    }

    private static String excerpt(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    /** The model's view of a record: the output delimited as data. */
    static ToolResult result(ToolCallRecord record) {
        return new ToolResult(record.providerCallId(), UntrustedText.toolOutput(record.id(), record.tool(), record.output()),
                record.error());
    }
}
