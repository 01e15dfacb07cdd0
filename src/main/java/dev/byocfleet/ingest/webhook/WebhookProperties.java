package dev.byocfleet.ingest.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Webhook intake settings, bound from {@code byoc.webhooks.*} (application.yml maps the
 * environment names of DESIGN.md section 11 onto them). With neither a token nor a basic-auth pair
 * the webhooks refuse every request: they are never open by default.
 *
 * @param token         bearer token every sender may use ({@code BYOC_WEBHOOK_TOKEN})
 * @param basicUser     basic-auth user, for senders configured with basic auth instead
 * @param basicPassword basic-auth password
 * @param maxBodySize   larger bodies are refused with 413
 * @param grafana       Grafana's request signing
 */
@ConfigurationProperties("byoc.webhooks")
public record WebhookProperties(String token, String basicUser, String basicPassword, DataSize maxBodySize,
                                Grafana grafana) {

    public static final DataSize DEFAULT_MAX_BODY_SIZE = DataSize.ofMegabytes(1); // Spring counts 1 MB as 1,048,576 bytes

    /**
     * @param hmacSecret      when set, every Grafana request must carry a valid HMAC-SHA256 signature
     * @param signatureHeader header holding the lowercase hex signature
     * @param timestampHeader header holding Unix seconds; when a request has it, the signed text is
     *                        {@code timestamp:body} and the time must lie within {@code maxSkew} of ours
     * @param maxSkew         how far a signed timestamp may be from our clock
     */
    public record Grafana(String hmacSecret, String signatureHeader, String timestampHeader, Duration maxSkew) {

        public Grafana {
            hmacSecret = blankToNull(hmacSecret);
            signatureHeader = signatureHeader == null || signatureHeader.isBlank()
                    ? "X-Grafana-Alerting-Signature" : signatureHeader.strip();
            timestampHeader = timestampHeader == null ? "X-Grafana-Alerting-Timestamp" : blankToNull(timestampHeader);
            maxSkew = maxSkew == null ? Duration.ofMinutes(5) : maxSkew;
        }

        @Override
        public String toString() {
            return "Grafana[hmacSecret=" + (hmacSecret == null ? "unset" : "set") + ", signatureHeader="
                    + signatureHeader + ", timestampHeader=" + timestampHeader + ", maxSkew=" + maxSkew + "]";
        }
    }

    public WebhookProperties {
        token = blankToNull(token);
        basicUser = blankToNull(basicUser);
        basicPassword = blankToNull(basicPassword);
        maxBodySize = maxBodySize == null ? DEFAULT_MAX_BODY_SIZE : maxBodySize;
        grafana = grafana == null ? new Grafana(null, null, null, null) : grafana;
    }

    /** Whether any sender could authenticate: a token, or a complete basic-auth pair. */
    public boolean configured() {
        return token != null || (basicUser != null && basicPassword != null);
    }

    /** Keeps the secrets out of logs and actuator output. */
    @Override
    public String toString() {
        return "WebhookProperties[token=" + (token == null ? "unset" : "set") + ", basicUser=" + basicUser
                + ", basicPassword=" + (basicPassword == null ? "unset" : "set") + ", maxBodySize=" + maxBodySize
                + ", grafana=" + grafana + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
