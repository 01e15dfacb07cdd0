package dev.byocfleet.mcp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The MCP transport's defence against DNS rebinding (MCP specification, Streamable HTTP, security
 * warning): a request to /mcp whose Origin header is present and not one of
 * {@code byoc.mcp.allowed-origins} gets 403 before anything else looks at it. The Host header is
 * no help here, since a rebound name makes Origin and Host agree; only a configured list is.
 */
@Configuration(proxyBeanMethods = false)
class McpOriginCheck {

    private static final Logger log = LoggerFactory.getLogger(McpOriginCheck.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> mcpOriginFilter(McpProperties props) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String origin = request.getHeader(HttpHeaders.ORIGIN);
                if (origin == null || allowed(props, origin)) {
                    chain.doFilter(request, response);
                    return;
                }
                log.warn("refused an MCP request from the browser origin '{}' (not in BYOC_MCP_ALLOWED_ORIGINS)",
                        origin.length() > 200 ? origin.substring(0, 200) : origin);
                response.setStatus(HttpStatus.FORBIDDEN.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                        + "\"detail\":\"This Origin may not call /mcp; add it to BYOC_MCP_ALLOWED_ORIGINS.\","
                        + "\"parameter\":\"Origin\",\"instance\":\"/mcp\"}");
            }
        });
        registration.addUrlPatterns("/mcp", "/mcp/*");
        // before Spring Security: a foreign page learns nothing, not even whether its token would do
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    static boolean allowed(McpProperties props, String origin) {
        return props.allowedOrigins().contains(origin.strip().replaceAll("/+$", "").toLowerCase(Locale.ROOT));
    }
}
