package dev.byocfleet.outbound;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from {@code byoc.outbound.*} (BYOC_OUTBOUND_ALLOWED_HOSTS, comma-separated).
 *
 * @param allowedHosts exceptions to the outbound-URL policy: host names ({@code hooks.corp.internal}),
 *                     IP addresses ({@code 10.0.0.7}) or CIDR blocks ({@code 10.20.0.0/16},
 *                     {@code fd12::/64}) that user-configured destinations may reach although they are
 *                     private, loopback or link-local. Empty by default: nothing internal is reachable.
 */
@ConfigurationProperties("byoc.outbound")
public record OutboundProperties(List<String> allowedHosts) {

    public OutboundProperties {
        allowedHosts = allowedHosts == null ? List.of()
                : allowedHosts.stream().filter(h -> h != null && !h.isBlank()).map(String::strip).toList();
    }
}
