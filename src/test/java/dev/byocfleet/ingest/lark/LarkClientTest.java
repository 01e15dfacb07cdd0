package dev.byocfleet.ingest.lark;

import static dev.byocfleet.ingest.lark.LarkReplayServer.MESSAGES_PATH;
import static dev.byocfleet.ingest.lark.LarkReplayServer.TOKEN_PATH;
import static dev.byocfleet.ingest.source.lark.LarkItems.JSON;
import static dev.byocfleet.ingest.source.lark.LarkItems.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.byocfleet.ingest.lark.LarkClient.MessagePage;
import dev.byocfleet.ingest.lark.LarkReplayServer.Reply;
import dev.byocfleet.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The real client against a local server replaying the recorded Lark shapes (refs/formats/lark). */
public class LarkClientTest {

    public static final String CHAT = "oc_a0553eda9014c201e6969b478895c230";
    public static final Instant FROM = Instant.parse("2026-11-28T00:00:00Z");
    public static final Instant TO = Instant.parse("2026-11-29T00:00:00Z");

    private final LarkReplayServer server = new LarkReplayServer();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger larkLog = (Logger) LoggerFactory.getLogger("dev.byocfleet.ingest.lark");

    @BeforeEach
    void captureLogs() {
        logs.start();
        larkLog.addAppender(logs);
    }

    @AfterEach
    void close() {
        larkLog.detachAppender(logs);
        server.close();
        // whatever happened, no secret or token reached a log line
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain("dskLLdkasdjlasdKK", "t-caecc734c2e3328a62489fe0648c4b98779515d3", "t-second"));
    }

    /** The constructed alert-channel page's six items split over three pages chained by tokens. */
    public static List<String> pages() {
        JsonNode items = resource("constructed-alert-channel-page.json").at("/data/items");
        List<String> pages = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            ObjectNode body = JSON.createObjectNode().put("code", 0).put("msg", "success");
            ObjectNode data = body.putObject("data").put("has_more", p < 2);
            if (p < 2) {
                data.put("page_token", "token-" + (p + 1));
            }
            data.putArray("items").add(items.get(2 * p)).add(items.get(2 * p + 1));
            pages.add(JSON.writeValueAsString(body));
        }
        return pages;
    }

    public static Reply pageFor(LarkReplayServer.Request r, List<String> pages) {
        String token = r.query().get("page_token");
        return Reply.ok(pages.get(token == null ? 0 : Integer.parseInt(token.substring("token-".length()))));
    }

    public static String tokenReply(String token) {
        return "{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"" + token + "\",\"expire\":7200}";
    }

    private static List<MessagePage> readAll(LarkClient client) {
        List<MessagePage> all = new ArrayList<>();
        String token = null;
        do {
            MessagePage page = client.listMessages(CHAT, FROM, TO, token);
            all.add(page);
            token = page.pageToken();
        } while (token != null);
        return all;
    }

    @Test
    void fetchesOneTokenAndFollowsThePagesWithTheDocumentedParameters() {
        List<String> pages = pages();
        server.route(TOKEN_PATH, r -> Reply.ok(resource("tenant_access_token-internal.response.json").toString()))
                .route(MESSAGES_PATH, r -> pageFor(r, pages));
        List<MessagePage> all = readAll(new LarkClient(server.properties(CHAT)));

        assertThat(all).hasSize(3);
        assertThat(all.stream().mapToInt(p -> p.items().size()).sum()).isEqualTo(6);
        assertThat(all.getLast().hasMore()).isFalse();
        var tokenRequests = server.requests(TOKEN_PATH);
        assertThat(tokenRequests).hasSize(1);
        JsonNode sent = JSON.readTree(tokenRequests.getFirst().body());
        assertThat(sent.propertyNames()).containsExactlyInAnyOrderElementsOf(
                resource("tenant_access_token-internal.request.json").propertyNames());
        var list = server.requests(MESSAGES_PATH);
        assertThat(list).allSatisfy(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer t-caecc734c2e3328a62489fe0648c4b98779515d3");
            assertThat(r.query()).containsEntry("container_id_type", "chat").containsEntry("container_id", CHAT)
                    .containsEntry("start_time", "1795824000").containsEntry("end_time", "1795910400")
                    .containsEntry("sort_type", "ByCreateTimeAsc").containsEntry("page_size", "50");
        });
        assertThat(list.stream().map(r -> r.query().get("page_token")).toList())
                .containsExactly(null, "token-1", "token-2");
    }

    @Test
    void renewsATokenLarkRejectsMidRunAndOneThatIsAboutToExpire() {
        List<String> pages = pages();
        AtomicInteger issued = new AtomicInteger();
        server.route(TOKEN_PATH, r -> Reply.ok(tokenReply(issued.incrementAndGet() == 1 ? "t-first" : "t-second")))
                .route(MESSAGES_PATH, r -> {
                    boolean secondPage = "token-1".equals(r.query().get("page_token"));
                    if (secondPage && r.authorization().equals("Bearer t-first")) {
                        return Reply.of(400, resource("im-v1-messages-list.error-examples.json").get("token_invalid").toString());
                    }
                    return pageFor(r, pages);
                });
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T01:30:00Z"));
        LarkClient client = new LarkClient(server.properties(CHAT), clock);
        assertThat(readAll(client)).hasSize(3);
        assertThat(server.requests(TOKEN_PATH)).hasSize(2);
        assertThat(server.requests(MESSAGES_PATH)).extracting(LarkReplayServer.Request::authorization)
                .containsExactly("Bearer t-first", "Bearer t-first", "Bearer t-second", "Bearer t-second");

        clock.advance(Duration.ofSeconds(7200).minusMinutes(5));
        client.listMessages(CHAT, FROM, TO, null);
        assertThat(server.requests(TOKEN_PATH)).as("renewed 10 minutes before expiry").hasSize(3);
    }

    @Test
    void waitsOutA429AndA5xxThenSucceeds() {
        List<String> pages = pages();
        AtomicInteger calls = new AtomicInteger();
        server.route(TOKEN_PATH, r -> Reply.ok(tokenReply("t-caecc734c2e3328a62489fe0648c4b98779515d3")))
                .route(MESSAGES_PATH, r -> switch (calls.incrementAndGet()) {
                    case 1 -> new Reply(429, resource("im-v1-messages-list.error-examples.json").get("rate_limited_http429")
                            .toString(), Map.of("x-ogw-ratelimit-limit", "50", "x-ogw-ratelimit-reset", "1"));
                    case 2 -> Reply.of(502, "<html>bad gateway</html>");
                    default -> pageFor(r, pages);
                });
        MessagePage page = new LarkClient(server.properties(CHAT)).listMessages(CHAT, FROM, TO, null);
        assertThat(page.items()).hasSize(2);
        assertThat(calls.get()).isEqualTo(3);
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("HTTP 429", "99991400",
                "retrying"));
    }

    @Test
    void retriesAMalformedPageAndGivesUpOnOneThatStaysMalformed() {
        List<String> pages = pages();
        AtomicInteger calls = new AtomicInteger();
        server.route(TOKEN_PATH, r -> Reply.ok(tokenReply("t-x")))
                .route(MESSAGES_PATH, r -> calls.incrementAndGet() == 1
                        ? Reply.ok(pages.getFirst().substring(0, 200)) : pageFor(r, pages));
        assertThat(new LarkClient(server.properties(CHAT)).listMessages(CHAT, FROM, TO, null).items()).hasSize(2);

        server.route(MESSAGES_PATH, r -> Reply.ok("{\"code\":0,\"msg\":\"success\",\"data\":{\"has_more\":true,\"items\":{}}}"));
        assertThatThrownBy(() -> new LarkClient(server.properties(CHAT)).listMessages(CHAT, FROM, TO, null))
                .isInstanceOf(LarkApiException.Temporary.class)
                .hasMessageContaining("malformed page").hasMessageContaining("gave up after 3 attempts");
    }

    @Test
    void aPermanentErrorFailsAtOnceWithLarksCodeAndLogId() {
        server.route(TOKEN_PATH, r -> Reply.ok(tokenReply("t-x")))
                .route(MESSAGES_PATH, r -> Reply.of(400,
                        resource("im-v1-messages-list.error-examples.json").get("bot_not_in_group_http400").toString()));
        assertThatThrownBy(() -> new LarkClient(server.properties(CHAT)).listMessages(CHAT, FROM, TO, null))
                .isInstanceOfSatisfying(LarkApiException.Permanent.class, e -> {
                    assertThat(e.code()).isEqualTo(230002);
                    assertThat(e.httpStatus()).isEqualTo(400);
                })
                .hasMessageContaining("bot can not be outside the group").hasMessageContaining("20261129123000ABCDEF0123456789");
        assertThat(server.requests(MESSAGES_PATH)).hasSize(1);

        server.route(MESSAGES_PATH, r -> Reply.of(400,
                resource("im-v1-messages-list.error-examples.json").get("missing_scope_http400").toString()));
        assertThatThrownBy(() -> new LarkClient(server.properties(CHAT)).listMessages(CHAT, FROM, TO, null))
                .isInstanceOf(LarkApiException.Permanent.class).hasMessageContaining("99991672");
    }

    @Test
    void badAppCredentialsArePermanentAndTheSecretIsNotInTheError() {
        server.route(TOKEN_PATH, r -> Reply.of(400, "{\"code\":10014,\"msg\":\"app secret invalid\"}"));
        assertThatThrownBy(() -> new LarkClient(server.properties(CHAT)).listMessages(CHAT, FROM, TO, null))
                .isInstanceOf(LarkApiException.Permanent.class).hasMessageContaining("10014")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("dskLLdkasdjlasdKK"));
        assertThat(server.properties(CHAT).toString()).doesNotContain("dskLLdkasdjlasdKK");
    }

    @Test
    void aServerThatIsNotThereIsTemporary() {
        LarkProperties p = server.properties(CHAT);
        server.close();
        assertThatThrownBy(() -> new LarkClient(p).listMessages(CHAT, FROM, TO, null))
                .isInstanceOf(LarkApiException.Temporary.class).hasMessageContaining("gave up after 3 attempts");
    }
}
