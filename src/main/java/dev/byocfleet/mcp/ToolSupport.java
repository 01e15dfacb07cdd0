package dev.byocfleet.mcp;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.NotFoundException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds read-only MCP tools over feature services: the JSON schema of the arguments, the
 * annotations, and results as structured JSON (in the API's snake_case) plus the same JSON as text.
 * A refused or failed call is a tool result with {@code isError}, so the model reads what to fix.
 */
@Component
class ToolSupport {

    private static final Logger log = LoggerFactory.getLogger(ToolSupport.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JsonMapper json;

    ToolSupport(JsonMapper json) {
        this.json = json;
    }

    /** A read-only tool; {@code schema} is the JSON schema of its arguments. */
    SyncToolSpecification readOnlyTool(String name, String title, String description, String schema,
                                       Function<Arguments, Object> call) {
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(name)
                .title(title)
                .description(description)
                .inputSchema(json.readValue(schema, MAP))
                .annotations(new ToolAnnotations(title, true, false, true, false, null))
                .build();
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> call(name, request.arguments(), call))
                .build();
    }

    private CallToolResult call(String name, @Nullable Map<String, Object> arguments, Function<Arguments, Object> call) {
        try {
            return ok(call.apply(new Arguments(arguments == null ? Map.of() : arguments)));
        } catch (InvalidParameterException e) {
            return error("Invalid argument '" + e.parameter() + "': " + e.getMessage());
        } catch (NotFoundException e) {
            return error(e.getMessage());
        } catch (DataAccessResourceFailureException e) {
            log.warn("MCP tool {}: store unavailable: {}", name, e.getMessage());
            return error("The data store is unavailable; retry later.");
        } catch (RuntimeException e) {
            log.error("MCP tool {} failed", name, e);
            return error("The tool failed unexpectedly; the error has been logged.");
        }
    }

    CallToolResult ok(Object value) {
        String text = json.writeValueAsString(value);
        return CallToolResult.builder()
                .structuredContent(json.readValue(text, MAP))
                .addTextContent(text)
                .isError(false)
                .build();
    }

    static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    String toJson(Object value) {
        return json.writeValueAsString(value);
    }

    /** The arguments of one call, read leniently (numbers as text are accepted) and checked. */
    record Arguments(Map<String, Object> values) {

        @Nullable String string(String name) {
            Object v = values.get(name);
            return v == null ? null : String.valueOf(v);
        }

        String requiredString(String name) {
            String v = string(name);
            if (v == null || v.isBlank()) {
                throw new InvalidParameterException(name, name + " is required");
            }
            return v;
        }

        @Nullable Integer integer(String name) {
            Object v = values.get(name);
            if (v == null) {
                return null;
            }
            if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                return n.intValue();
            }
            try {
                return Integer.valueOf(String.valueOf(v).strip());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException(name, name + " must be an integer");
            }
        }

        /** ISO-8601 UTC, with or without a trailing Z, such as 2025-06-11T05:00:00. */
        @Nullable LocalDateTime time(String name) {
            String v = string(name);
            if (v == null || v.isBlank()) {
                return null;
            }
            String t = v.strip();
            try {
                return t.endsWith("Z") ? OffsetDateTime.parse(t).toLocalDateTime() : LocalDateTime.parse(t);
            } catch (DateTimeParseException e) {
                throw new InvalidParameterException(name, name + " must be ISO-8601 UTC, for example 2025-06-11T05:00:00");
            }
        }

        @Nullable List<String> strings(String name) {
            Object v = values.get(name);
            if (v == null) {
                return null;
            }
            if (v instanceof List<?> list) {
                return list.stream().map(String::valueOf).toList();
            }
            return List.of(String.valueOf(v).split("\\s*,\\s*"));
        }
    }
}
