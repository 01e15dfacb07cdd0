package dev.byocfleet.ingest.source.lark;

import static dev.byocfleet.ingest.source.lark.LarkItems.JSON;
import static dev.byocfleet.ingest.source.lark.LarkItems.item;
import static dev.byocfleet.ingest.source.lark.LarkItems.resource;
import static dev.byocfleet.ingest.source.lark.LarkItems.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.ingest.NormalizedAlert;
import dev.byocfleet.ingest.source.lark.LarkMessageParser.Alerts;
import dev.byocfleet.ingest.source.lark.LarkMessageParser.Outcome;
import dev.byocfleet.ingest.source.lark.LarkMessageParser.Skip;
import dev.byocfleet.ingest.source.lark.LarkMessageParser.Skipped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reference payloads (refs/formats/lark, lark-cards) and edge cases; the demo's layouts are in demo.LarkLayoutsRoundTripTest. */
class LarkMessageParserTest {

    private final LarkMessageParser parser = new LarkMessageParser(LarkItems.clusters(Map.of(
            "sr-prod-01", "c-1", "sr-prod-02", "c-2", "10.0.0.11", "c-1", "c-3", "c-3", "prod-03", "c-3")),
            LarkMessageParser.CARD_ZONE);

    private List<NormalizedAlert> alerts(JsonNode item) {
        Outcome o = parser.parse(item, "lark");
        assertThat(o).isInstanceOf(Alerts.class);
        return ((Alerts) o).alerts();
    }

    private NormalizedAlert one(JsonNode item) {
        List<NormalizedAlert> alerts = alerts(item);
        assertThat(alerts).hasSize(1);
        return alerts.getFirst();
    }

    private NormalizedAlert unparsed(JsonNode item) {
        NormalizedAlert a = one(item);
        assertThat(a.parseStatus()).isEqualTo("unparsed");
        assertThat(a.clusterId()).isNull();
        assertThat(a.rawPayload()).isNotBlank();
        return a;
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsEveryItemOfTheConstructedAlertChannelPage() throws Exception {
        JsonNode items = resource("constructed-alert-channel-page.json").at("/data/items");
        List<Outcome> outcomes = items.valueStream().map(i -> parser.parse(i, "lark")).toList();

        List<NormalizedAlert> card = ((Alerts) outcomes.get(0)).alerts();
        assertThat(card).hasSize(2);
        NormalizedAlert firing = card.get(0);
        NormalizedAlert resolved = card.get(1);
        assertThat(firing.messageId()).isEqualTo(sha256("lark|om_x100b4c1a0f3e8d2c0a1b2c3d4e5f6a7b|0"));
        assertThat(resolved.messageId()).isEqualTo(sha256("lark|om_x100b4c1a0f3e8d2c0a1b2c3d4e5f6a7b|1"));
        assertThat(firing).extracting(NormalizedAlert::alertName, NormalizedAlert::status, NormalizedAlert::severity,
                NormalizedAlert::node, NormalizedAlert::summary, NormalizedAlert::description, NormalizedAlert::parseStatus)
                .containsExactly("StarRocksBEDown", "firing", "warning", "10.0.0.11", "BE 10.0.0.11 is down",
                        "BE heartbeat lost for 2m", "parsed");
        // Asia/Shanghai card time to UTC; the node address is the only cluster reference and it is known
        assertThat(firing.startsAt()).isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 30, 2));
        assertThat(firing.endsAt()).isNull();
        assertThat(firing.clusterId()).isEqualTo("c-1");
        assertThat(firing.receivedAt()).isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 30, 2, 900_000_000));
        assertThat(resolved.status()).isEqualTo("resolved");
        assertThat(resolved.endsAt()).isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 30, 19));
        assertThat(resolved.clusterId()).as("unknown address: kept unmapped, never guessed").isNull();
        assertThat(resolved.clusterRef()).isEqualTo("10.0.0.12");

        NormalizedAlert placeholder = ((Alerts) outcomes.get(1)).alerts().getFirst();
        assertThat(placeholder.parseStatus()).isEqualTo("unparsed");
        assertThat(placeholder.parseError()).contains("card JSON 2.0", "upgrade placeholder");
        assertThat(placeholder.messageId()).isEqualTo(sha256("lark|om_x100b4c1a0f3e8d2c0a1b2c3d4e5f6a7c|unparsed"));

        NormalizedAlert text = ((Alerts) outcomes.get(2)).alerts().getFirst();
        assertThat(text).extracting(NormalizedAlert::alertName, NormalizedAlert::status, NormalizedAlert::severity,
                NormalizedAlert::clusterId, NormalizedAlert::node, NormalizedAlert::summary)
                .containsExactly("StarRocksFEQueryLatencyHigh", "firing", "warning", "c-2", "10.0.1.21:8030",
                        "FE 10.0.1.21 p99 query latency > 5s");
        assertThat(text.labels()).containsEntry("cluster", "sr-prod-02").containsEntry("instance", "10.0.1.21:8030");

        NormalizedAlert post = ((Alerts) outcomes.get(3)).alerts().getFirst();
        assertThat(post).extracting(NormalizedAlert::alertName, NormalizedAlert::status, NormalizedAlert::clusterId,
                NormalizedAlert::summary).containsExactly("StarRocksFEQueryLatencyHigh", "resolved", "c-2", null);

        assertThat(outcomes.get(4)).isEqualTo(new Skipped(Skip.RECALLED));
        assertThat(outcomes.get(5)).isEqualTo(new Skipped(Skip.CHATTER));
    }

    @Test
    void officialListExampleIsACardWithoutAnAlertSoItIsKeptUnparsed() {
        NormalizedAlert a = unparsed(resource("im-v1-messages-list.official-example.json").at("/data/items/0"));
        assertThat(a.parseError()).contains("no alert found");
        assertThat(a.description()).isEqualTo("test content");
    }

    @Test
    void officialBodyContentsWithoutAlertMarkersAreChatterButACardIsAnUnreadableAlert() {
        assertThat(parser.parse(item("om_t", "text", resource("body-content.text.official.json")), "lark"))
                .isEqualTo(new Skipped(Skip.CHATTER));
        assertThat(parser.parse(item("om_p", "post", resource("body-content.post.official.json")), "lark"))
                .isEqualTo(new Skipped(Skip.CHATTER));
        NormalizedAlert card = unparsed(item("om_i", "interactive", resource("body-content.interactive.official.json")));
        assertThat(card.summary()).isEqualTo("卡片标题");
        assertThat(card.description()).contains("飞书", "备注信息").doesNotContain("主按钮");
    }

    @Test
    void sentCardsOfTheXujiahuaBridgeAndTheCustomBotRequestReadLikeTheirReadBack() {
        for (JsonNode sent : List.of(resource("xujiahua-v1-mixed.rendered.json"),
                resource("custom-bot-webhook.signed-card-request.json"))) {
            List<NormalizedAlert> alerts = alerts(item("om_x", "interactive", sent));
            assertThat(alerts).extracting(NormalizedAlert::alertName, NormalizedAlert::status, NormalizedAlert::node,
                    NormalizedAlert::summary).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("StarRocksBEDown", "firing", "10.0.0.11", "BE 10.0.0.11 is down"),
                    org.assertj.core.groups.Tuple.tuple("StarRocksBEDown", "resolved", "10.0.0.12", "BE 10.0.0.12 is down"));
            assertThat(alerts.get(1).endsAt()).isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 30, 19));
        }
    }

    @Test
    void grafanaFeishuResolvedCardParsesButItsFiringCardHasNoStatusWordSoItIsNotGuessed() {
        JsonNode cards = resource("grafana-feishu-v1-per-alert.rendered.json");
        NormalizedAlert firing = unparsed(item("om_g1", "interactive", cards.get(0)));
        assertThat(firing.parseError()).contains("no status marker");
        assertThat(firing.summary()).isEqualTo("StarRocks BE down");
        NormalizedAlert resolved = one(item("om_g2", "interactive", cards.get(1)));
        assertThat(resolved).extracting(NormalizedAlert::alertName, NormalizedAlert::status, NormalizedAlert::summary,
                NormalizedAlert::parseStatus).containsExactly("StarRocks BE down", "resolved", "Looks good!", "parsed");
    }

    @Test
    void chineseKeyValueCardWithHtmlEntitiesCrlfAndSeverityAndStatusMaps() {
        ObjectNode card = JsonNodeFactory.instance.objectNode().put("title", "【恢复】BE Mem");
        card.putArray("elements").addArray().addObject().put("tag", "text").put("text",
                "告警名称：BE Mem\r\n告警状态：已恢复\r\n告警级别：<font color='red'>严重</font>\r\n集群：<b>prod-03</b>\r\n"
                        + "节点：10.9.9.9:8040\r\n开始时间：2026/11/29 12:30\r\n恢复时间：2026-11-29 12:45:10\r\n"
                        + "告警详情：mem &gt; 90% &amp; rising");
        NormalizedAlert a = one(item("om_zh", "interactive", card));
        assertThat(a).extracting(NormalizedAlert::alertName, NormalizedAlert::status, NormalizedAlert::severity,
                NormalizedAlert::clusterId, NormalizedAlert::node, NormalizedAlert::summary)
                .containsExactly("BE Mem", "resolved", "critical", "c-3", "10.9.9.9:8040", "mem > 90% & rising");
        assertThat(a.startsAt()).isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 30));
        assertThat(a.endsAt()).isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 45, 10));
    }

    @Test
    void severityWordsMapExplicitlyAndUnknownOnesFallBackToWarning() {
        Map<String, String> expected = Map.of("P0", "critical", "P1", "critical", "严重", "critical", "P2", "warning",
                "警告", "warning", "提示", "info", "info", "info", "bogus", "warning");
        expected.forEach((word, severity) -> assertThat(one(text("om_s" + word,
                "[FIRING:1] Query Error cluster=sr-prod-01 severity=" + word)).severity()).as(word).isEqualTo(severity));
    }

    @Test
    void statusWordsAndEmojiMapExplicitly() {
        Map<String, String> titles = Map.of("🚨 [FIRING] X", "firing", "✅ [RESOLVED] X", "resolved", "【告警】X",
                "firing", "【恢复】X", "resolved", "[触发] X", "firing", "X [1] Firing", "firing", "X is resolved!",
                "resolved", "🚨 X", "firing", "✅ X", "resolved");
        titles.forEach((title, status) -> {
            ObjectNode card = JsonNodeFactory.instance.objectNode().put("title", title);
            card.putArray("elements").addArray().addObject().put("tag", "text")
                    .put("text", title.contains("[1]") ? "down\n2026-11-29 12:00:00 ~ TO BE RESOLVED" : "集群：sr-prod-01");
            NormalizedAlert a = one(item("om_" + title.hashCode(), "interactive", card));
            assertThat(a.status()).as(title).isEqualTo(status);
            assertThat(a.alertName()).as(title).isEqualTo("X");
        });
    }

    @Test
    void timesWithOffsetsZonesAndEpochsBecomeUtcAndUnreadableTimesMakeTheMessageUnparsed() {
        NormalizedAlert offset = one(text("om_t1", "[RESOLVED] Q cluster=sr-prod-01\nStarts at: 2026-11-29T06:30:00+02:00\n"
                + "Ends at: 1795930200"));
        assertThat(offset.startsAt()).isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 30));
        assertThat(offset.endsAt()).isEqualTo(LocalDateTime.of(2026, 11, 29, 5, 30));
        NormalizedAlert englishKey = one(text("om_t2", "[FIRING] Q\nStarts At: 2026-11-29 04:30:00"));
        assertThat(englishKey.startsAt()).as("English keys print UTC").isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 30));
        NormalizedAlert zoned = one(text("om_t3", "【告警】Q\n首次触发：2026-11-29 12:30:00（Asia/Shanghai）"));
        assertThat(zoned.startsAt()).isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 30));
        NormalizedAlert bad = unparsed(text("om_t4", "[FIRING] Q\nStarts at: yesterday noon"));
        assertThat(bad.parseError()).contains("unreadable start time 'yesterday noon'");
    }

    @Test
    void clusterComesOnlyFromExplicitReferences() {
        // the name appears in prose without "cluster", so it is not taken
        NormalizedAlert prose = one(text("om_c1", "[FIRING] Disk full\nsr-prod-01 looks unhappy"));
        assertThat(prose.clusterId()).isNull();
        NormalizedAlert phrase = one(text("om_c2", "[FIRING] Disk full\ndisk at 95% on cluster sr-prod-01"));
        assertThat(phrase.clusterId()).isEqualTo("c-1");
        NormalizedAlert job = one(text("om_c3", "[FIRING] Disk full\njob: StarRocks_sr-prod-02"));
        assertThat(job.clusterId()).isEqualTo("c-2");
        NormalizedAlert unknown = one(text("om_c4", "[FIRING] Disk full\ncluster: sr-nowhere"));
        assertThat(unknown.clusterId()).isNull();
        assertThat(unknown.clusterRef()).isEqualTo("sr-nowhere");
    }

    @Test
    void recalledUserAndOtherMessagesAreSkipped() {
        ObjectNode recalled = text("om_r", "[FIRING] X");
        recalled.put("deleted", "true");
        recalled.putObject("body").put("content", "This message was recalled");
        assertThat(parser.parse(recalled, "lark")).isEqualTo(new Skipped(Skip.RECALLED));
        assertThat(parser.parse(item("om_u", "text", "user", "{\"text\":\"[FIRING] X pasted by a person\"}"), "lark"))
                .isEqualTo(new Skipped(Skip.CHATTER));
        assertThat(parser.parse(item("om_f", "text", "app", "{\"text\":\"扩容后已恢复，继续观察\"}"), "lark"))
                .isEqualTo(new Skipped(Skip.CHATTER));
        assertThat(parser.parse(item("om_img", "image", "app", "{\"image_key\":\"img_1\"}"), "lark"))
                .isEqualTo(new Skipped(Skip.OTHER_TYPE));
        assertThat(parser.parse(item("om_sys", "system", "app", "{\"template\":\"x\"}"), "lark"))
                .isEqualTo(new Skipped(Skip.OTHER_TYPE));
    }

    @Test
    void brokenMessagesAreKeptAsOneUnparsedAlertWithTheReason() {
        assertThat(unparsed(item("om_b1", "interactive", "app", "{\"title\":\"[FIRING] X\",\"elements\":[[{")).parseError())
                .startsWith("body.content is not valid JSON");
        ObjectNode number = item("om_b2", "interactive", "app", "x");
        number.putObject("body").put("content", 42);
        assertThat(unparsed(number).parseError()).contains("must be a JSON object");
        ObjectNode noBody = text("om_b3", "[FIRING] X");
        noBody.remove("body");
        assertThat(unparsed(noBody).parseError()).contains("no body.content");
        ObjectNode noId = text("om_b4", "[FIRING] X");
        noId.remove("message_id");
        assertThat(unparsed(noId).parseError()).contains("no message_id");
        ObjectNode badTime = text("om_b5", "[FIRING] X");
        badTime.put("create_time", "yesterday");
        assertThat(unparsed(badTime).parseError()).contains("create_time");
        assertThat(unparsed(JsonNodeFactory.instance.arrayNode().add(1)).parseError()).contains("not a JSON object");
        NormalizedAlert huge = unparsed(text("om_b6", "[FIRING] X\n" + "x".repeat(LarkMessageParser.MAX_CONTENT_CHARS)));
        assertThat(huge.parseError()).contains("too large");
        assertThat(huge.rawPayload().length()).isLessThanOrEqualTo(LarkMessageParser.MAX_RAW_CHARS);
    }

    @Test
    void wrongTypesOfOptionalFieldsAreTolerated() {
        ObjectNode item = text("om_w", "[FIRING:1] Q cluster=sr-prod-01");
        item.put("create_time", CREATED_AS_NUMBER);
        item.put("sender", "not an object");
        item.put("updated", 7);
        NormalizedAlert a = one(item);
        assertThat(a.parseStatus()).isEqualTo("parsed");
        assertThat(a.clusterId()).isEqualTo("c-1");
    }

    private static final long CREATED_AS_NUMBER = LarkItems.CREATED;

    @Test
    void anEditedMessageKeepsItsNewStateBesideTheOldOne() {
        ObjectNode before = text("om_e", "[FIRING:1] Q cluster=sr-prod-01");
        ObjectNode after = text("om_e", "[RESOLVED] Q cluster=sr-prod-01");
        after.put("updated", true).put("update_time", "1795926900000");
        assertThat(one(before).messageId()).isNotEqualTo(one(after).messageId());
        assertThat(one(after).messageId()).isEqualTo(one(after.deepCopy()).messageId());
    }

    @Test
    void cardJson2SentShapeAndPostLocaleWrapperAreRead() {
        JsonNode v2 = JSON.readTree("""
                {"schema":"2.0","header":{"title":{"tag":"plain_text","content":"[FIRING] Query Latency Alert"}},
                 "body":{"elements":[{"tag":"markdown","content":"**Summary:** p95 above 5 s\\n**Severity:** critical\\n**cluster:** sr-prod-02"},
                   {"tag":"column_set","columns":[{"tag":"column","elements":[{"tag":"markdown","content":"**Starts At:** 2026-11-29 04:30:00"}]}]}]}}""");
        NormalizedAlert a = one(item("om_v2", "interactive", v2));
        assertThat(a).extracting(NormalizedAlert::alertName, NormalizedAlert::severity, NormalizedAlert::clusterId,
                NormalizedAlert::summary, NormalizedAlert::startsAt).containsExactly("Query Latency Alert", "critical", "c-2",
                "p95 above 5 s", LocalDateTime.of(2026, 11, 29, 4, 30));
        JsonNode post = JSON.readTree("""
                {"zh_cn":{"title":"【告警】Routine Load","content":[[{"tag":"text","text":"集群："},{"tag":"a","href":"http://x","text":"sr-prod-01"}]]}}""");
        assertThat(one(item("om_pz", "post", post)).clusterId()).isEqualTo("c-1");
    }
}
