package dev.byocfleet.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.auth.CurrentUser;
import dev.byocfleet.auth.Role;
import dev.byocfleet.outbound.OutboundPolicy;
import dev.byocfleet.outbound.OutboundProperties;
import dev.byocfleet.settings.ChannelRepository.Channel;
import dev.byocfleet.settings.ChannelRepository.ChannelConfig;
import dev.byocfleet.settings.HttpDelivery.Delivered;
import dev.byocfleet.settings.HttpDelivery.Failed;
import dev.byocfleet.settings.HttpDelivery.Outcome;
import dev.byocfleet.support.LocalHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test messages against a local server that answers with the Lark custom bot's recorded responses
 * ({@code settings/lark/custom-bot-webhook.responses.json}, from Lark's guide), at the worked
 * example's time so the exact signature can be checked.
 */
class ChannelSenderTest {

    private static final Instant EXAMPLE_TIME = Instant.ofEpochSecond(1599360473L);
    private static final CurrentUser ADMIN = new CurrentUser("u-1", "ops@byoc.test", "Ops", Role.ADMIN);
    private static final JsonNode RESPONSES = responses();

    private final LocalHttpServer lark = new LocalHttpServer();
    /** The local stand-in listens on loopback, which the policy lets through only because it is allowed here. */
    private final ChannelSender sender = sender(List.of("127.0.0.1"));

    private static ChannelSender sender(List<String> allowedHosts) {
        return new ChannelSender(new HttpDelivery(new OutboundPolicy(new OutboundProperties(allowedHosts))),
                Clock.fixed(EXAMPLE_TIME, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        lark.close();
    }

    @Test
    void signedCardIsDeliveredWhenLarkAnswersCodeZero() {
        lark.answer("/open-apis/bot/v2/hook/tok", 200, RESPONSES.get("success").toString());
        Outcome outcome = sender.sendTest(larkChannel("demo"), ADMIN);

        assertThat(outcome).isEqualTo(new Delivered(200));
        String body = lark.lastReceived().body();
        assertThat(JsonPath.<String>read(body, "$.timestamp")).isEqualTo("1599360473");
        assertThat(JsonPath.<String>read(body, "$.sign")).isEqualTo("l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=");
        assertThat(JsonPath.<String>read(body, "$.msg_type")).isEqualTo("interactive");
        assertThat(JsonPath.<String>read(body, "$.card.elements[0].text.content"))
                .contains("**SRE room**", "ops@byoc.test", "2020-09-06T02:47:53Z");
        assertThat(lark.lastReceived().header("content-type")).startsWith("application/json");
    }

    @Test
    void signatureErrorIsAPermanentFailureThoughTheStatusIs200() {
        lark.answer("/open-apis/bot/v2/hook/tok", 200, RESPONSES.get("sign_failed").toString());
        assertThat(sender.sendTest(larkChannel("wrong secret"), ADMIN)).isEqualTo(new Failed(false, 200, 19021,
                "Lark refused the message: code 19021 (sign match fail or timestamp is not within one hour from current time)"));
    }

    @Test
    void keywordErrorIsAPermanentFailure() {
        lark.answer("/open-apis/bot/v2/hook/tok", 200, RESPONSES.get("keyword_not_found").toString());
        Failed failed = (Failed) sender.sendTest(larkChannel(null), ADMIN);
        assertThat(failed.temporary()).isFalse();
        assertThat(failed.code()).isEqualTo(19024);
        assertThat(failed.reason()).contains("Key Words Not Found");
        assertThat(JsonPath.<Object>read(lark.lastReceived().body(), "$")).asString().doesNotContain("sign");
    }

    @Test
    void rateLimitCodeServerErrorsAndTooManyRequestsAreTemporary() {
        lark.answer("/open-apis/bot/v2/hook/tok", 200, "{\"code\": 11232, \"msg\": \"frequency limited\"}");
        assertThat(((Failed) sender.sendTest(larkChannel("demo"), ADMIN)).temporary()).isTrue();
        lark.answer("/open-apis/bot/v2/hook/tok", 503, "");
        assertThat(sender.sendTest(larkChannel("demo"), ADMIN)).isEqualTo(new Failed(true, 503, null, "HTTP 503"));
        lark.answer("/open-apis/bot/v2/hook/tok", 429, "");
        assertThat(((Failed) sender.sendTest(larkChannel("demo"), ADMIN)).temporary()).isTrue();
    }

    @Test
    void clientErrorsAndNonJsonAnswersArePermanent() {
        lark.answer("/open-apis/bot/v2/hook/tok", 400, RESPONSES.get("bad_request").toString());
        Failed failed = (Failed) sender.sendTest(larkChannel("demo"), ADMIN);
        assertThat(failed.temporary()).isFalse();
        assertThat(failed.status()).isEqualTo(400);
        lark.answer("/open-apis/bot/v2/hook/tok", 200, "<html>ok</html>");
        assertThat(((Failed) sender.sendTest(larkChannel("demo"), ADMIN)).temporary()).isFalse();
    }

    @Test
    void aRedirectIsNotFollowedSoItCannotLeadToAnInternalAddress() {
        lark.enqueue("/hook", new LocalHttpServer.Reply(302, "text/plain", Map.of("Location", lark.url("/internal")),
                List.of(""), -1, null));
        Failed failed = (Failed) sender.sendTest(channel(ChannelKind.WEBHOOK, new ChannelConfig(lark.url("/hook"), "none", null)), ADMIN);
        assertThat(failed.status()).isEqualTo(302);
        assertThat(failed.temporary()).isFalse();
        assertThat(lark.received()).extracting(LocalHttpServer.Received::path).containsExactly("/hook");
    }

    @Test
    void aSendToARefusedAddressFailsWithTheReasonAndNothingIsSent() {
        lark.answer("/hook", 200, "{}");
        ChannelSender strict = sender(List.of());
        for (String url : List.of(lark.url("/hook"), "http://169.254.169.254/latest/meta-data/", "http://[::ffff:127.0.0.1]/",
                lark.url("/hook").replace("127.0.0.1", "localhost"))) {
            Failed failed = (Failed) strict.sendTest(channel(ChannelKind.WEBHOOK, new ChannelConfig(url, "none", null)), ADMIN);
            assertThat(failed.temporary()).as(url).isFalse();
            assertThat(failed.status()).isNull();
            assertThat(failed.reason()).as(url).startsWith("refused by the outbound-URL policy: the host")
                    .containsAnyOf("loopback", "link-local");
        }
        assertThat(lark.received()).isEmpty();
    }

    @Test
    void unreachableReceiverIsATemporaryFailureWithoutItsUrl() {
        String url = lark.url("/open-apis/bot/v2/hook/secret-token");
        lark.close();
        Failed failed = (Failed) sender.sendTest(channel(ChannelKind.LARK_BOT, new ChannelConfig(url, "none", null)), ADMIN);
        assertThat(failed.temporary()).isTrue();
        assertThat(failed.reason()).startsWith("connection failed").doesNotContain("secret-token", "127.0.0.1");
    }

    @Test
    void webhookWithBearerSendsTheTokenAndSucceedsOnAny2xx() {
        lark.answer("/hook", 204, "");
        Outcome outcome = sender.sendTest(channel(ChannelKind.WEBHOOK,
                new ChannelConfig(lark.url("/hook"), "bearer", "s3cret-token")), ADMIN);
        assertThat(outcome).isEqualTo(new Delivered(204));
        assertThat(lark.lastReceived().header("authorization")).isEqualTo("Bearer s3cret-token");
        assertThat(JsonPath.<String>read(lark.lastReceived().body(), "$.event")).isEqualTo("test");
    }

    @Test
    void webhookWithHmacSignsTimestampDotBody() {
        lark.answer("/hook", 200, "{}");
        sender.sendTest(channel(ChannelKind.WEBHOOK, new ChannelConfig(lark.url("/hook"), "hmac", "hmac key")), ADMIN);
        LocalHttpServer.Received received = lark.lastReceived();
        assertThat(received.header("x-byoc-timestamp")).isEqualTo("1599360473");
        assertThat(received.header("x-byoc-signature"))
                .isEqualTo("sha256=" + ChannelSender.hmacSha256Hex("hmac key", "1599360473." + received.body()));
        assertThat(received.header("authorization")).isNull();
    }

    private Channel larkChannel(String secret) {
        return channel(ChannelKind.LARK_BOT, new ChannelConfig(lark.url("/open-apis/bot/v2/hook/tok"),
                secret == null ? "none" : "sign", secret));
    }

    private static Channel channel(ChannelKind kind, ChannelConfig config) {
        LocalDateTime t = LocalDateTime.of(2026, 11, 29, 0, 0);
        return new Channel("ch-1", "SRE room", kind, config, null, true, t, t);
    }

    private static JsonNode responses() {
        try (InputStream in = ChannelSenderTest.class.getResourceAsStream("/settings/lark/custom-bot-webhook.responses.json")) {
            return JsonMapper.builder().build().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
