package dev.byocfleet.demo;

import static dev.byocfleet.demo.AlertFixtures.CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.demo.AlertPayloads.LarkMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AlertPayloadsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final long SEED = 20261130L;
    static final String[] FIRING_WORDS = {"Firing", "FIRING", "告警"};
    static final String[] RESOLVED_WORDS = {"Resolved", "RESOLVED", "恢复", "Ends At"};

    @TempDir
    static Path out;
    static FleetModel fleet;
    static List<DemoAlert> alerts;
    static AlertPayloads payloads;

    @BeforeAll
    static void writeOnce() throws IOException {
        fleet = AlertFixtures.fleet();
        alerts = AlertFixtures.alerts(fleet);
        payloads = new AlertPayloads(fleet, SEED, CHAT);
        payloads.writeAll(out, alerts);
    }

    @Test
    void sameInputsWriteIdenticalBytes(@TempDir Path again) throws IOException {
        FleetModel rebuilt = AlertFixtures.fleet();
        new AlertPayloads(rebuilt, SEED, CHAT).writeAll(again, AlertFixtures.alerts(rebuilt));
        Map<String, byte[]> first = files(out);
        Map<String, byte[]> second = files(again);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
        assertThat(first.keySet()).contains("README.md", "lark/messages-0001.json", "mcp/im_v1_message_list-0001.json",
                "alertmanager/0001.json", "grafana/0001.json");
    }

    @Test
    void incidentIdsAppearNowhere() throws IOException {
        files(out).forEach((name, bytes) ->
                assertThat(new String(bytes, StandardCharsets.UTF_8)).as(name).doesNotContain(AlertFixtures.SECRET));
    }

    @Test
    void larkPagesChainTokensAndKeepTimeOrder() throws IOException {
        List<JsonNode> pages = read("lark");
        JsonNode reference = resource("constructed-alert-channel-page.json");
        Set<String> itemFields = fieldNames(resource("im-v1-messages-list.official-example.json").at("/data/items/0"));
        Set<String> tokens = new HashSet<>();
        long lastTime = 0;
        for (int i = 0; i < pages.size(); i++) {
            JsonNode page = pages.get(i);
            assertThat(fieldNames(page)).isEqualTo(fieldNames(reference));
            assertThat(page.get("code").asInt()).isZero();
            JsonNode data = page.get("data");
            boolean last = i == pages.size() - 1;
            assertThat(data.get("has_more").asBoolean()).isEqualTo(!last);
            assertThat(data.has("page_token")).isEqualTo(!last);
            if (!last) {
                assertThat(tokens.add(data.get("page_token").asString())).isTrue();
                assertThat(data.get("items")).hasSize(LarkChannel.PAGE_SIZE);
            }
            for (JsonNode item : data.get("items")) {
                assertThat(itemFields).containsAll(fieldNames(item));
                assertThat(item.get("message_id").asString()).matches("om_[0-9a-f]{32}");
                assertThat(item.get("chat_id").asString()).isEqualTo(CHAT);
                long time = Long.parseLong(item.get("create_time").asString());
                assertThat(time).isGreaterThanOrEqualTo(lastTime);
                lastTime = time;
            }
        }
        assertThat(pages.size()).isGreaterThan(3);
        List<JsonNode> items = pages.stream().flatMap(p -> p.at("/data/items").valueStream()).toList();
        assertThat(items).anyMatch(i -> i.at("/sender/sender_type").asString().equals("user"));
        assertThat(items).anyMatch(i -> i.get("deleted").asBoolean()
                && i.at("/body/content").asString().equals("This message was recalled"));
    }

    @Test
    void everyStateChangeIsAnnouncedWithNameClusterInstanceAndTimes() throws IOException {
        AlertFacts facts = new AlertFacts(SEED);
        List<LarkMessage> messages = payloads.larkMessages(alerts);
        Map<String, String> pageContent = read("lark").stream().flatMap(p -> p.at("/data/items").valueStream())
                .collect(Collectors.toMap(i -> i.get("message_id").asString(), i -> i.at("/body/content").asString()));
        Set<String> announced = new HashSet<>();
        for (LarkMessage m : messages) {
            assertThat(pageContent.get(m.messageId())).isEqualTo(m.content());
            String text = texts(JSON.readTree(m.content()));
            for (int i = 0; i < m.alerts().size(); i++) {
                DemoAlert a = m.alerts().get(i);
                boolean resolved = m.resolvedFlags().get(i);
                announced.add(key(a, resolved));
                assertThat(text).contains(a.name(), a.summary(), facts.clusterRef(a)).containsIgnoringCase(a.severity())
                        .containsAnyOf(resolved ? RESOLVED_WORDS : FIRING_WORDS);
                if (a.node() != null) {
                    assertThat(text).contains(a.node().instance());
                }
                assertThat(text).containsAnyOf(timeForms(a.startsAt()));
                if (resolved) {
                    assertThat(text).containsAnyOf(timeForms(a.endsAt()));
                } else if (a.resolved() && m.alerts().size() == 1) {
                    assertThat(Arrays.stream(timeForms(a.endsAt()))).noneMatch(text::contains);
                }
            }
        }
        Map<String, DemoAlert> labelSets = alerts.stream().collect(Collectors.toMap(DemoAlert::fingerprint, a -> a, (x, y) -> x));
        long byId = labelSets.values().stream().filter(a -> facts.clusterRef(a).equals(a.cluster().clusterId)).count();
        assertThat(byId).isBetween(labelSets.size() / 10L, labelSets.size() * 3L / 10);
        for (DemoAlert a : alerts) {
            assertThat(announced).contains(key(a, false));
            assertThat(announced.contains(key(a, true))).isEqualTo(a.resolved());
        }
    }

    @Test
    void singleAlertMessagesMatchThePerAlertApiAndTheirTiming() {
        List<LarkMessage> messages = payloads.larkMessages(alerts);
        assertThat(messages).anyMatch(m -> m.alerts().size() > 1);
        assertThat(messages).anyMatch(m -> m.resolvedFlags().contains(true) && m.resolvedFlags().contains(false));
        assertThat(messages.stream().map(LarkMessage::msgType).distinct()).contains("interactive", "text", "post");
        // Alerts of a grouped burst are announced by the group's cards; the per-alert API speaks for the rest.
        Set<DemoAlert> grouped = messages.stream().filter(m -> m.alerts().size() > 1)
                .flatMap(m -> m.alerts().stream()).collect(Collectors.toSet());
        for (LarkMessage m : messages.stream().filter(m -> !grouped.contains(m.alerts().getFirst())).toList()) {
            assertThat(m.alerts()).hasSize(1);
            DemoAlert a = m.alerts().getFirst();
            boolean resolved = m.resolvedFlags().getFirst();
            assertThat(m.messageId()).isEqualTo(payloads.larkMessageId(a, resolved));
            assertThat(m.content()).isEqualTo(payloads.cardContent(a, resolved));
            assertThat(m.msgType()).isEqualTo(payloads.msgType(a, resolved));
            LocalDateTime event = resolved ? a.endsAt() : a.startsAt();
            assertThat(Duration.between(event, m.createTime())).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(80));
        }
        assertThat(messages.stream().map(LarkMessage::messageId).distinct().count()).isEqualTo(messages.size());
    }

    @Test
    void mcpFilesWrapTheSamePages() throws IOException {
        List<JsonNode> lark = read("lark");
        List<JsonNode> mcp = read("mcp");
        JsonNode reference = resource("constructed-mcp-im_v1_message_list.call-tool-result.json");
        assertThat(mcp).hasSameSizeAs(lark);
        for (int i = 0; i < mcp.size(); i++) {
            assertThat(fieldNames(mcp.get(i))).isEqualTo(fieldNames(reference));
            assertThat(fieldNames(mcp.get(i).at("/content/0"))).isEqualTo(fieldNames(reference.at("/content/0")));
            assertThat(JSON.readTree(mcp.get(i).at("/content/0/text").asString())).isEqualTo(lark.get(i).get("data"));
        }
    }

    @Test
    void alertmanagerBodiesHaveTheCapturedShape() throws IOException {
        JsonNode firing = resource("alertmanager-firing.json");
        Map<String, DemoAlert> byStart = byFingerprintAndStart("alertmanager");
        Set<String> seen = new HashSet<>();
        for (Path file : list("alertmanager")) {
            String raw = Files.readString(file);
            assertThat(raw).endsWith("}\n").doesNotContain("&").hasLineCount(1);
            JsonNode body = JSON.readTree(raw);
            assertThat(fieldList(body)).isEqualTo(fieldList(firing));
            assertThat(body.get("version").asString()).isEqualTo("4");
            assertThat(body.get("groupKey").asString()).startsWith("{}:{alertname=\"");
            for (JsonNode alert : body.get("alerts")) {
                assertThat(fieldList(alert)).isEqualTo(fieldList(firing.at("/alerts/0")));
                DemoAlert a = byStart.get(alert.get("fingerprint").asString() + "@" + alert.get("startsAt").asString());
                assertThat(a).isNotNull();
                assertThat(alert.at("/labels/job").asString()).isEqualTo("StarRocks_" + a.cluster().name);
                assertThat(alert.at("/labels/cluster_id").asString()).isEqualTo(a.cluster().clusterId);
                boolean isFiring = alert.get("status").asString().equals("firing");
                assertThat(alert.get("endsAt").asString()).isEqualTo(isFiring ? "0001-01-01T00:00:00Z"
                        : AlertFacts.rfc3339(a.endsAt()));
                seen.add(key(a, !isFiring));
            }
        }
        alerts.stream().filter(a -> a.origin().equals("alertmanager") && a.resolved())
                .forEach(a -> assertThat(seen).contains(key(a, true)));
    }

    @Test
    void grafanaBodiesCarryTheGrafanaFields() throws IOException {
        JsonNode derived = resource("derived-grafana-resolved.json");
        List<String> topFields = new ArrayList<>(fieldList(derived));
        topFields.remove("appVersion");
        Set<String> docsAlertFields = fieldNames(resource("grafana-docs-firing.json").at("/alerts/0"));
        Map<String, DemoAlert> byStart = byFingerprintAndStart("grafana");
        List<Path> files = list("grafana");
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            JsonNode body = JSON.readTree(Files.readString(file));
            assertThat(fieldList(body)).isEqualTo(topFields);
            assertThat(body.get("version").asString()).isEqualTo("1");
            boolean anyFiring = body.get("status").asString().equals("firing");
            assertThat(body.get("state").asString()).isEqualTo(anyFiring ? "alerting" : "ok");
            assertThat(body.get("title").asString()).startsWith(anyFiring ? "[FIRING:" : "[RESOLVED]");
            assertThat(body.get("message").asString()).startsWith(anyFiring ? "**Firing**" : "**Resolved**");
            for (JsonNode alert : body.get("alerts")) {
                assertThat(fieldList(alert)).isEqualTo(fieldList(derived.at("/alerts/0")));
                assertThat(fieldNames(alert)).containsAll(docsAlertFields);
                assertThat(byStart).containsKey(alert.get("fingerprint").asString() + "@" + alert.get("startsAt").asString());
                assertThat(alert.at("/labels/grafana_folder").asString()).isEqualTo("StarRocks");
                assertThat(alert.get("values").size()).isEqualTo(2);
            }
        }
    }

    /** The same label set fires again later with the same fingerprint: the start tells them apart. */
    private Map<String, DemoAlert> byFingerprintAndStart(String origin) {
        Map<String, DemoAlert> map = new TreeMap<>();
        alerts.stream().filter(a -> a.origin().equals(origin))
                .forEach(a -> map.put(a.fingerprint() + "@" + AlertFacts.rfc3339(a.startsAt()), a));
        return map;
    }

    /** One state change of one alert. */
    private static String key(DemoAlert a, boolean resolved) {
        return a.fingerprint() + "@" + a.startsAt() + (resolved ? " resolved" : " firing");
    }

    private static String[] timeForms(LocalDateTime t) {
        return new String[] {AlertFacts.rfc3339(t), AlertFacts.shanghai(t), AlertFacts.plainUtc(t)};
    }

    /** Every string value in a JSON document, joined: what a parser can find in a read-back card. */
    private static String texts(JsonNode node) {
        if (node.isString()) {
            return node.asString();
        }
        StringBuilder all = new StringBuilder();
        node.values().forEach(child -> all.append(texts(child)).append('\n'));
        return all.toString();
    }

    private static List<String> fieldList(JsonNode node) {
        return node.propertyNames().stream().toList();
    }

    private static Set<String> fieldNames(JsonNode node) {
        return new HashSet<>(fieldList(node));
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = AlertPayloadsTest.class.getResourceAsStream("/demo/formats/" + name)) {
            return JSON.readTree(in);
        }
    }

    private static List<Path> list(String folder) throws IOException {
        try (Stream<Path> files = Files.list(out.resolve(folder))) {
            return files.sorted().toList();
        }
    }

    private static List<JsonNode> read(String folder) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (Path p : list(folder)) {
            nodes.add(JSON.readTree(Files.readString(p)));
        }
        return nodes;
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
