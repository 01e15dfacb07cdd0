package dev.byocfleet.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects streamed tool calls, whose id and name come first and whose argument JSON arrives in
 * fragments, keyed by the provider's block or call index.
 */
final class ToolCallAssembler {

    private static final class Pending {
        String id = "";
        String name = "";
        final StringBuilder arguments = new StringBuilder();
    }

    private final Map<Integer, Pending> calls = new TreeMap<>();

    /** Starts or updates the call at {@code index}; answers whether it is new. */
    boolean start(int index, String id, String name) {
        boolean created = !calls.containsKey(index);
        Pending p = calls.computeIfAbsent(index, i -> new Pending());
        if (id != null && !id.isEmpty()) {
            p.id = id;
        }
        if (name != null && !name.isEmpty()) {
            p.name = p.name + name;
        }
        return created;
    }

    void appendArguments(int index, String fragment) {
        if (fragment != null) {
            calls.computeIfAbsent(index, i -> new Pending()).arguments.append(fragment);
        }
    }

    boolean has(int index) {
        return calls.containsKey(index);
    }

    List<ToolCall> calls() {
        List<ToolCall> out = new ArrayList<>();
        calls.forEach((i, p) -> out.add(new ToolCall(p.id.isEmpty() ? "call_" + i : p.id, p.name,
                p.arguments.isEmpty() ? "{}" : p.arguments.toString())));
        return out;
    }
}
