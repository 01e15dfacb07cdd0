package dev.byocfleet.ingest.source.grafana;

import dev.byocfleet.ingest.WebhookSignatureException;
import dev.byocfleet.ingest.webhook.WebhookProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Grafana's webhook signature (grafana/alerting http/hmac.go): lowercase hex HMAC-SHA256 with the
 * shared secret over the raw body, or over {@code timestamp + ":" + body} when the request carries
 * the timestamp header (Unix seconds). Checked over the bytes as received, before any parsing,
 * comparing in constant time; a timestamp more than the allowed skew from our clock is refused so a
 * captured request cannot be replayed later.
 */
final class GrafanaSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private final WebhookProperties.Grafana settings;

    GrafanaSignature(WebhookProperties.Grafana settings) {
        this.settings = settings;
    }

    boolean enabled() {
        return settings.hmacSecret() != null;
    }

    void verify(Function<String, String> header, byte[] body, Instant now) {
        if (!enabled()) {
            return;
        }
        String signature = header.apply(settings.signatureHeader());
        if (signature == null || signature.isBlank()) {
            throw new WebhookSignatureException("The " + settings.signatureHeader() + " header is missing: requests "
                    + "must be signed (configure hmacConfig on the Grafana contact point with the same secret).");
        }
        String timestamp = settings.timestampHeader() == null ? null : header.apply(settings.timestampHeader());
        if (timestamp != null) {
            checkSkew(timestamp.strip(), now);
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.strip());
        } catch (IllegalArgumentException e) {
            throw new WebhookSignatureException("The " + settings.signatureHeader() + " header must be a hex "
                    + "HMAC-SHA256.");
        }
        if (!MessageDigest.isEqual(sign(timestamp == null ? null : timestamp.strip(), body), given)) {
            throw new WebhookSignatureException("The " + settings.signatureHeader() + " header does not match the "
                    + "body" + (timestamp == null ? "" : " and " + settings.timestampHeader()) + ".");
        }
    }

    /** HMAC-SHA256 over the body, or over {@code timestamp:body}. */
    byte[] sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(settings.hmacSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM));
            if (timestamp != null) {
                mac.update((timestamp + ":").getBytes(StandardCharsets.UTF_8));
            }
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has " + ALGORITHM, e);
        }
    }

    private void checkSkew(String timestamp, Instant now) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new WebhookSignatureException("The " + settings.timestampHeader() + " header must be Unix seconds.");
        }
        long max = settings.maxSkew().toSeconds();
        long ours = now.getEpochSecond();
        if (seconds < ours - max || seconds > ours + max) {
            throw new WebhookSignatureException("The " + settings.timestampHeader() + " header (" + seconds
                    + ") is more than " + max + " s away from our clock (" + ours + ").");
        }
    }
}
