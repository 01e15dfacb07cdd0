package dev.byocfleet.looker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Looker's signed embed URL ("SSO embed"): every parameter value is JSON-encoded; the signature is
 * HMAC-SHA1 with the embed secret over these values joined by newlines, in Looker's order — host,
 * embed path, nonce, time, session length, external user id, permissions, models, then group ids,
 * external group id and user attributes when present, and access filters (always, {@code {}} when
 * none) — base64-encoded. Parameters are percent-encoded as JavaScript's encodeURIComponent does.
 */
final class LookerEmbedSigner {

    /**
     * The embed user; optional values are null when absent.
     *
     * @param groupIds     Looker group ids (numbers)
     * @param accessFilters deprecated by Looker but still signed; null means {@code {}}
     */
    record EmbedUser(String externalUserId, @Nullable String firstName, @Nullable String lastName,
                     List<String> permissions, List<String> models, @Nullable List<Long> groupIds,
                     @Nullable String externalGroupId, @Nullable Map<String, Object> userAttributes,
                     @Nullable Map<String, Object> accessFilters, @Nullable Boolean forceLogoutLogin,
                     @Nullable String userTimezone, long sessionLengthSeconds) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LookerEmbedSigner() {
    }

    /**
     * @param target the Looker page to embed, for example {@code /embed/dashboards/42}
     * @param time   seconds since the epoch; Looker rejects URLs whose time is far from its clock
     */
    static String signedUrl(String host, String secret, String target, EmbedUser user, String nonce, long time) {
        String embedPath = "/login/embed/" + encodeUriComponent(target);
        // query parameters in the embed SDK's order; absent optional ones are left out
        Map<String, String> params = new LinkedHashMap<>();
        params.put("access_filters", json(user.accessFilters() == null ? Map.of() : user.accessFilters()));
        putIfPresent(params, "external_group_id", user.externalGroupId());
        params.put("external_user_id", json(user.externalUserId()));
        putIfPresent(params, "first_name", user.firstName());
        putIfPresent(params, "force_logout_login", user.forceLogoutLogin());
        putIfPresent(params, "group_ids", user.groupIds());
        putIfPresent(params, "last_name", user.lastName());
        params.put("models", json(user.models()));
        params.put("nonce", json(nonce));
        params.put("permissions", json(user.permissions()));
        params.put("session_length", json(user.sessionLengthSeconds()));
        params.put("time", json(time));
        putIfPresent(params, "user_attributes", user.userAttributes());
        putIfPresent(params, "user_timezone", user.userTimezone());

        List<String> signed = new ArrayList<>(List.of(host, embedPath, params.get("nonce"), params.get("time"),
                params.get("session_length"), params.get("external_user_id"), params.get("permissions"),
                params.get("models")));
        for (String optional : List.of("group_ids", "external_group_id", "user_attributes")) {
            if (params.containsKey(optional)) {
                signed.add(params.get(optional));
            }
        }
        signed.add(params.get("access_filters"));
        params.put("signature", hmacSha1Base64(secret, String.join("\n", signed)));

        StringBuilder url = new StringBuilder("https://").append(host).append(embedPath).append('?');
        params.forEach((k, v) -> url.append(k).append('=').append(encodeUriComponent(v)).append('&'));
        url.setLength(url.length() - 1);
        return url.toString();
    }

    /** Like JavaScript's encodeURIComponent: everything but {@code A-Z a-z 0-9 - _ . ! ~ * ' ( )}. */
    static String encodeUriComponent(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("%21", "!").replace("%27", "'")
                .replace("%28", "(").replace("%29", ")").replace("%7E", "~");
    }

    private static void putIfPresent(Map<String, String> params, String key, @Nullable Object value) {
        if (value != null) {
            params.put(key, json(value));
        }
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static String hmacSha1Base64(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("cannot sign the Looker embed URL", e);
        }
    }
}
