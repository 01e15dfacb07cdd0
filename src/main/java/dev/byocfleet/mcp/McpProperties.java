package dev.byocfleet.mcp;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from {@code byoc.mcp.*}.
 *
 * @param allowedOrigins browser origins ({@code https://ops.example.com}) that may call /mcp
 *                       (BYOC_MCP_ALLOWED_ORIGINS, comma-separated); requests without an Origin
 *                       header (MCP clients that are not web pages) are always let through
 */
@ConfigurationProperties("byoc.mcp")
public record McpProperties(List<String> allowedOrigins) {

    public McpProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream()
                .map(o -> o.strip().replaceAll("/+$", "").toLowerCase(Locale.ROOT))
                .filter(o -> !o.isEmpty())
                .toList();
    }
}
