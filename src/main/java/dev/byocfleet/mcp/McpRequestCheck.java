package dev.byocfleet.mcp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the JSON-RPC envelope of each message posted to /mcp, and the parameters of
 * {@code initialize}, before the MCP SDK sees them: the SDK answers a wrongly typed field there with
 * 500 "Internal server error", where the caller sent a bad request. A refused message gets 400 with
 * a JSON-RPC error (-32600 invalid request, -32602 invalid params) naming the field. Text that is not
 * JSON at all is left to the SDK, which already answers 400.
 */
@Configuration(proxyBeanMethods = false)
class McpRequestCheck {

    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> mcpRequestFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (!"POST".equals(request.getMethod())) {
                    chain.doFilter(request, response);
                    return;
                }
                byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
                String problem = body.length > MAX_BODY_BYTES ? "the message is larger than " + MAX_BODY_BYTES + " bytes"
                        : problem(body);
                if (problem != null) {
                    response.setStatus(HttpStatus.BAD_REQUEST.value());
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.setCharacterEncoding("UTF-8");
                    int code = problem.startsWith("params") ? -32602 : problem.startsWith("the body") ? -32700 : -32600;
                    response.getWriter().write(JSON.writeValueAsString(Map.of("jsonrpc", "2.0",
                            "error", Map.of("code", code, "message", "Invalid request: " + problem))));
                    return;
                }
                chain.doFilter(new CachedBody(request, body), response);
            }
        });
        registration.addUrlPatterns("/mcp", "/mcp/*");
        // after Spring Security: only signed-in callers get this far
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** What is wrong with the messages in {@code body}, or null when nothing this check knows of. */
    static String problem(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            // strict here, where the SDK's own reading may be lenient and then fail inside
            return "the body is not one JSON document: " + e.getOriginalMessage();
        }
        if (root == null || root.isMissingNode()) {
            return "the body is empty";
        }
        if (root.isArray()) {
            for (JsonNode message : root) {
                String p = messageProblem(message);
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        return messageProblem(root);
    }

    private static String messageProblem(JsonNode m) {
        if (m == null || !m.isObject()) {
            return "a message must be a JSON object";
        }
        if (!"2.0".equals(m.path("jsonrpc").asString(null)) || !m.get("jsonrpc").isString()) {
            return "'jsonrpc' must be \"2.0\"";
        }
        JsonNode id = m.get("id");
        if (id != null && !id.isString() && !id.isIntegralNumber()) {
            return "'id' must be a string or an integer";
        }
        JsonNode method = m.get("method");
        if (method == null) {
            return m.has("result") || m.has("error") ? null : "'method' is missing";
        }
        if (!method.isString()) {
            return "'method' must be a string";
        }
        JsonNode params = m.get("params");
        if (params != null && !params.isObject()) {
            return "params must be an object";
        }
        if (!"initialize".equals(method.asString())) {
            return null;
        }
        if (params == null) {
            return "params of initialize are missing";
        }
        if (!params.path("protocolVersion").isString()) {
            return "params.protocolVersion must be a string";
        }
        if (params.has("capabilities") && !params.get("capabilities").isObject()) {
            return "params.capabilities must be an object";
        }
        JsonNode client = params.get("clientInfo");
        if (client == null || !client.isObject() || !client.path("name").isString() || !client.path("version").isString()) {
            return "params.clientInfo must be an object with a string name and version";
        }
        for (var field : params.get("capabilities") == null ? java.util.List.<Map.Entry<String, JsonNode>>of()
                : params.get("capabilities").properties()) {
            if (!field.getValue().isObject()) {
                return "params.capabilities." + field.getKey() + " must be an object";
            }
        }
        return null;
    }

    /** The request with its body read once and served again from memory. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
