package dev.byocfleet.settings;

import dev.byocfleet.settings.HttpDelivery.BodyCheck;
import dev.byocfleet.settings.HttpDelivery.Failed;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messages to a Lark (Feishu) custom bot webhook. With a signing secret the body carries
 * {@code timestamp} and {@code sign} = base64(HmacSHA256(key = timestamp + "\n" + secret, message
 * = nothing)) — the key is the string to sign, the message empty, as Lark's guide specifies. Lark
 * answers HTTP 200 also when it refuses a message; the body's {@code code} decides.
 */
final class LarkBotMessages {

    /** Lark's rate-limit code (100 a minute, 5 a second per bot): worth retrying later. */
    static final int RATE_LIMITED = 11232;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LarkBotMessages() {
    }

    static String sign(long timestampSeconds, String secret) {
        byte[] key = (timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(Hmac.sha256(key, new byte[0]));
    }

    /** An interactive card with a title and one markdown block, signed when a secret is given. */
    static String card(String title, String template, String markdown, long timestampSeconds, @Nullable String secret) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (secret != null) {
            body.put("timestamp", Long.toString(timestampSeconds));
            body.put("sign", sign(timestampSeconds, secret));
        }
        body.put("msg_type", "interactive");
        body.put("card", Map.of(
                "header", Map.of("title", Map.of("tag", "plain_text", "content", title), "template", template),
                "elements", List.of(Map.of("tag", "div", "text", Map.of("tag", "lark_md", "content", markdown)))));
        return JSON.writeValueAsString(body);
    }

    /** Success only with {@code code} 0 in the body. */
    static final BodyCheck RESPONSE_CODE = (status, body) -> {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            return Optional.of(new Failed(false, status, null, "Lark answered something that is not JSON"));
        }
        JsonNode code = json.has("code") ? json.get("code") : json.get("StatusCode");
        if (code != null && code.isNumber() && code.asInt() == 0) {
            return Optional.empty();
        }
        Integer c = code != null && code.isNumber() ? code.asInt() : null;
        String msg = json.has("msg") ? json.get("msg").asString() : json.path("StatusMessage").asString("");
        return Optional.of(new Failed(c != null && c == RATE_LIMITED, status, c,
                "Lark refused the message" + (c == null ? "" : ": code " + c) + (msg.isEmpty() ? "" : " (" + msg + ")")));
    };
}
