package dev.byocfleet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.demo.AlertPayloads.LarkMessage;
import dev.byocfleet.demo.LarkCards.Style;
import dev.byocfleet.ingest.NormalizedAlert;
import dev.byocfleet.ingest.source.lark.LarkMessageParser;
import dev.byocfleet.ingest.source.lark.LarkMessageParser.Alerts;
import dev.byocfleet.ingest.source.lark.LarkMessageParser.Outcome;
import dev.byocfleet.ingest.source.lark.LarkMessageParser.Skip;
import dev.byocfleet.ingest.source.lark.LarkMessageParser.Skipped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The strongest parser test: the demo generator renders alerts in all seven layouts of the alert
 * channel (LarkCards), grouped cards included, and writes them as list-API pages; the Lark parser
 * reads every page back and must recover each alert of each message with its name, status,
 * severity, cluster, node, summary and times. The chat's other traffic must be skipped or kept
 * unparsed, never turned into an alert.
 */
class LarkLayoutsRoundTripTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path out;

    @Test
    void everyAlertOfEveryLayoutIsRecoveredFromTheListPages() throws IOException {
        FleetModel fleet = AlertFixtures.fleet();
        List<DemoAlert> alerts = AlertFixtures.alerts(fleet);
        long seed = 20261130L;
        Map<Style, int[]> recovered = roundTrip(fleet, alerts, seed, AlertFixtures.CHAT);
        assertThat(recovered.keySet()).containsExactlyInAnyOrder(Style.values());
        recovered.forEach((style, counts) -> assertThat(counts[0]).as(style.name()).isEqualTo(counts[1]).isPositive());
    }

    /** The demo preset's fleet with its built-in scenarios, as DemoGenerator plans it (nothing is written to a store). */
    @Test
    void everyAlertOfTheGeneratedDemoFleetIsRecovered() throws IOException {
        DemoGenerator.Plan plan = DemoGenerator.plan(new GenerateOptions(Preset.DEMO, 42, DemoFixture.END, List.of(), false,
                null));
        Map<Style, int[]> recovered = roundTrip(plan.fleet(), plan.alerts(), 42, DemoGenerator.CHAT_ID);
        assertThat(recovered.keySet()).containsExactlyInAnyOrder(Style.values());
        recovered.forEach((style, counts) -> assertThat(counts[0]).as(style.name()).isEqualTo(counts[1]).isPositive());
    }

    /** Parses every page; asserts each alert; returns per layout {recovered, announced} alert counts. */
    private Map<Style, int[]> roundTrip(FleetModel fleet, List<DemoAlert> alerts, long seed, String chat)
            throws IOException {
        AlertPayloads payloads = new AlertPayloads(fleet, seed, chat);
        payloads.writeAll(out, alerts);
        LarkMessageParser parser = new LarkMessageParser(directory(fleet), LarkMessageParser.CARD_ZONE);
        Map<String, Outcome> outcomes = new HashMap<>();
        Map<String, Integer> tally = new TreeMap<>();
        try (Stream<Path> files = Files.list(out.resolve("lark"))) {
            for (Path page : files.sorted().toList()) {
                for (JsonNode item : JSON.readTree(Files.readString(page)).at("/data/items")) {
                    Outcome o = parser.parse(item, "lark");
                    outcomes.put(item.get("message_id").asString(), o);
                    String kind = o instanceof Skipped s ? s.reason().name()
                            : ((Alerts) o).alerts().getFirst().parseStatus();
                    tally.merge(kind, 1, Integer::sum);
                }
            }
        }
        LarkCards cards = new LarkCards(new AlertFacts(seed));
        Map<Style, int[]> recovered = new EnumMap<>(Style.class);
        List<LarkMessage> messages = payloads.larkMessages(alerts);
        for (LarkMessage m : messages) {
            Style style = cards.styleOf(m.alerts().getFirst(), m.alerts().size());
            int[] counts = recovered.computeIfAbsent(style, s -> new int[2]);
            counts[1] += m.alerts().size();
            Outcome o = outcomes.get(m.messageId());
            assertThat(o).as(m.content()).isInstanceOf(Alerts.class);
            List<NormalizedAlert> parsed = ((Alerts) o).alerts();
            assertThat(parsed).as(m.content()).hasSize(m.alerts().size());
            for (int i = 0; i < parsed.size(); i++) {
                assertRecovered(parsed.get(i), m.alerts().get(i), m.resolvedFlags().get(i), style + " " + m.content());
                counts[0]++;
            }
        }
        // Around the alerts: user replies are chatter, recalled items are skipped, card 2.0
        // placeholders are kept as unparsed alerts; nothing else is unparsed.
        long placeholders = outcomes.values().stream().filter(o -> o instanceof Alerts a
                && a.alerts().getFirst().parseStatus().equals("unparsed")).count();
        assertThat(tally.getOrDefault("unparsed", 0)).isEqualTo((int) placeholders);
        assertThat(outcomes.values()).filteredOn(o -> o instanceof Alerts a && !a.alerts().getFirst().parsed())
                .allMatch(o -> ((Alerts) o).alerts().getFirst().parseError().contains("upgrade placeholder"));
        assertThat(tally.get("parsed")).isEqualTo(messages.size());
        assertThat(tally.keySet()).isSubsetOf("parsed", "unparsed", Skip.CHATTER.name(), Skip.RECALLED.name());
        Map<String, String> report = new LinkedHashMap<>();
        recovered.forEach((s, c) -> report.put(s.name(), c[0] + "/" + c[1]));
        System.out.println("Lark layouts recovered (alerts): " + report + "; messages: " + tally);
        return recovered;
    }

    private static void assertRecovered(NormalizedAlert p, DemoAlert a, boolean resolved, String context) {
        assertThat(p.parseStatus()).as(context).isEqualTo("parsed");
        assertThat(p.alertName()).as(context).isEqualTo(a.name());
        assertThat(p.status()).as(context).isEqualTo(resolved ? "resolved" : "firing");
        assertThat(p.severity()).as(context).isEqualTo(a.severity());
        assertThat(p.clusterId()).as(context).isEqualTo(a.cluster().clusterId);
        assertThat(p.node()).as(context).isEqualTo(a.node() == null ? null : a.node().instance());
        assertThat(p.summary()).as(context).isEqualTo(a.summary());
        assertThat(p.startsAt()).as(context).isEqualTo(a.startsAt().withNano(0));
        assertThat(p.endsAt()).as(context).isEqualTo(resolved ? a.endsAt().withNano(0) : null);
    }

    /** The directory's rules over the fleet: ids, names, node addresses; an address two clusters share is ambiguous. */
    private static LarkMessageParser.Clusters directory(FleetModel fleet) {
        Map<String, String> index = new HashMap<>();
        for (FleetModel.Cluster c : fleet.clusters) {
            index.merge(c.clusterId.toLowerCase(Locale.ROOT), c.clusterId, (x, y) -> x.equals(y) ? x : "?");
            index.merge(c.name.toLowerCase(Locale.ROOT), c.clusterId, (x, y) -> x.equals(y) ? x : "?");
            for (FleetModel.Node n : c.nodes) {
                index.merge(n.privateIp, c.clusterId, (x, y) -> x.equals(y) ? x : "?");
            }
        }
        return ref -> {
            String r = ref.strip().toLowerCase(Locale.ROOT);
            for (String key : new String[] {r, r.replaceFirst("^starrocks_", ""), r.replaceFirst(":\\d+$", "")}) {
                String id = index.get(key);
                if (id != null && !id.equals("?")) {
                    return Optional.of(id);
                }
            }
            return Optional.empty();
        };
    }
}
