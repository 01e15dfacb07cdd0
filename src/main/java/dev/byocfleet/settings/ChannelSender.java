package dev.byocfleet.settings;

import dev.byocfleet.auth.CurrentUser;
import dev.byocfleet.settings.ChannelRepository.Channel;
import dev.byocfleet.settings.HttpDelivery.BodyCheck;
import dev.byocfleet.settings.HttpDelivery.Outcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a channel's messages in its kind's format through {@link HttpDelivery}. A generic webhook
 * gets a JSON object; with {@code hmac} auth the headers {@code X-Byoc-Timestamp} and
 * {@code X-Byoc-Signature: sha256=<hex HMAC-SHA256 of "timestamp.body">}.
 */
@Component
class ChannelSender {

    static final String TIMESTAMP_HEADER = "X-Byoc-Timestamp";
    static final String SIGNATURE_HEADER = "X-Byoc-Signature";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpDelivery http;
    private final Clock clock;

    @Autowired
    ChannelSender(HttpDelivery http) {
        this(http, Clock.systemUTC());
    }

    ChannelSender(HttpDelivery http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    Outcome sendTest(Channel channel, CurrentUser sender) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        URI url = URI.create(channel.config().url());
        String secret = channel.config().secret();
        return switch (channel.kind()) {
            case LARK_BOT -> http.postJson(url, LarkBotMessages.card("BYOC Fleet test message", "blue",
                    "This channel is set up: **" + channel.name() + "** will receive BYOC Fleet notifications.\n"
                            + "Sent by " + sender.email() + " at " + now + ".",
                    now.getEpochSecond(), secret), Map.of(), LarkBotMessages.RESPONSE_CODE);
            case WEBHOOK -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("event", "test");
                body.put("channel", channel.name());
                body.put("text", "This channel is set up: it will receive BYOC Fleet notifications.");
                body.put("sent_by", sender.email());
                body.put("sent_at", now.toString());
                String json = JSON.writeValueAsString(body);
                yield http.postJson(url, json, webhookHeaders(channel.config().auth(), secret, json, now),
                        BodyCheck.STATUS_ONLY);
            }
        };
    }

    /** A notification (a Lark card, or a JSON event for a webhook) with a title and a Markdown body. */
    Outcome send(Channel channel, String title, String template, String markdown) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        URI url = URI.create(channel.config().url());
        String secret = channel.config().secret();
        return switch (channel.kind()) {
            case LARK_BOT -> http.postJson(url, LarkBotMessages.card(title, template, markdown, now.getEpochSecond(), secret),
                    Map.of(), LarkBotMessages.RESPONSE_CODE);
            case WEBHOOK -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("event", "notification");
                body.put("channel", channel.name());
                body.put("title", title);
                body.put("text", markdown);
                body.put("sent_at", now.toString());
                String json = JSON.writeValueAsString(body);
                yield http.postJson(url, json, webhookHeaders(channel.config().auth(), secret, json, now),
                        BodyCheck.STATUS_ONLY);
            }
        };
    }

    static Map<String, String> webhookHeaders(String auth, String secret, String body, Instant now) {
        if (secret == null) {
            return Map.of();
        }
        return switch (auth) {
            case "bearer" -> Map.of("Authorization", "Bearer " + secret);
            case "hmac" -> {
                String timestamp = Long.toString(now.getEpochSecond());
                yield Map.of(TIMESTAMP_HEADER, timestamp, SIGNATURE_HEADER, "sha256=" + hmacSha256Hex(secret, timestamp + "." + body));
            }
            default -> Map.of();
        };
    }

    static String hmacSha256Hex(String key, String data) {
        return HexFormat.of().formatHex(Hmac.sha256(key.getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.UTF_8)));
    }
}
