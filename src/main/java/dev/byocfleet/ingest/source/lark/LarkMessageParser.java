package dev.byocfleet.ingest.source.lark;

import dev.byocfleet.ingest.ClusterDirectory;
import dev.byocfleet.ingest.Digests;
import dev.byocfleet.ingest.NormalizedAlert;
import dev.byocfleet.ingest.source.lark.BridgeLayouts.Reading;
import dev.byocfleet.ingest.source.lark.CardBlocks.Block;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one item of {@code GET /open-apis/im/v1/messages} into normalized alerts.
 *
 * <p><b>What is an alert message.</b> An item that is not recalled ({@code deleted}), was sent by an
 * app (or names no sender), has {@code msg_type} interactive, text or post, and, for text and post,
 * carries an alert marker: a status tag in its title or first line ({@code [FIRING]},
 * {@code 【恢复】}, {@code 🚨}, {@code X [1] Firing}, {@code X is resolved!}), a PrometheusAlert
 * heading ({@code Prometheus告警信息}), or an alert name or status key line ({@code alertname=},
 * {@code 告警名称：}, {@code 告警状态：}). Every card from an app is an alert message: the channel is
 * for alerts, so a card we cannot read is an alert we cannot read. Anything else is skipped and
 * counted: recalled items, messages from users (replies, forwarded copies of what a bot already
 * posted), other message types (images, files, system messages), and texts or posts without a marker.
 *
 * <p>An alert message gives one alert per alert it lists ({@link BridgeLayouts}), each with message
 * id SHA-256 of {@code lark|<message_id>|<index>} (index from 0 in the order the message lists them;
 * an edited message, {@code updated: true}, hashes {@code <message_id>@<update_time>} so its new state
 * is kept beside the old one). When any of its alerts lacks a name, a firing/resolved status or has
 * a time that cannot be read, the whole message becomes ONE unparsed alert (id over
 * {@code |unparsed}, so a fixed parser can add the real alerts later) with the reason, its title and
 * text, and no cluster. The cluster comes only from the directory, looked up by an explicit cluster
 * value: the {@code cluster}, {@code cluster_id}, {@code 集群}, {@code job} keys or labels, an
 * {@code of cluster <name>} phrase, or the node address the alert names; never by guessing from text.
 */
@Component
public class LarkMessageParser {

    /** Maps a cluster reference (id, name, job, node address) to a cluster id. */
    @FunctionalInterface
    public interface Clusters {
        Optional<String> resolve(String reference);
    }

    /** Why a message holds no alert. */
    public enum Skip { RECALLED, CHATTER, OTHER_TYPE }

    /** What one message gave. */
    public sealed interface Outcome permits Alerts, Skipped {}

    /** The alerts of an alert message (one unparsed alert when it could not be read). */
    public record Alerts(List<NormalizedAlert> alerts) implements Outcome {}

    public record Skipped(Skip reason) implements Outcome {}

    public static final ZoneId CARD_ZONE = ZoneId.of("Asia/Shanghai");
    static final int MAX_CONTENT_CHARS = 200_000;
    static final int MAX_RAW_CHARS = 20_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clusters clusters;
    private final ZoneId cardZone;

    @Autowired
    public LarkMessageParser(ClusterDirectory directory) {
        this(directory::resolve, CARD_ZONE);
    }

    /** @param cardZone the zone of times cards print without one */
    public LarkMessageParser(Clusters clusters, ZoneId cardZone) {
        this.clusters = clusters;
        this.cardZone = cardZone;
    }

    /** @param source {@code lark} (Open API pipeline) or {@code lark_mcp} (saved MCP results) */
    public Outcome parse(JsonNode item, String source) {
        Message m = Message.of(item);
        if (m.deleted()) {
            return new Skipped(Skip.RECALLED);
        }
        if (m.senderType() != null && !m.senderType().equals("app")) {
            return new Skipped(Skip.CHATTER);
        }
        if (m.problem() != null) {
            return unparsed(m, source, m.problem(), null, List.of());
        }
        if (!List.of("interactive", "text", "post").contains(m.msgType())) {
            return new Skipped(Skip.OTHER_TYPE);
        }
        CardView view;
        List<Block> blocks;
        try {
            if (m.content() != null && m.content().isString() && m.content().asString().length() > MAX_CONTENT_CHARS) {
                throw new UnreadableMessage("body.content is too large (" + m.content().asString().length()
                        + " characters, at most " + MAX_CONTENT_CHARS + ")");
            }
            view = LarkContent.view(m.msgType(), LarkContent.object(m.content()));
            blocks = CardBlocks.of(view);
        } catch (UnreadableMessage e) {
            return unparsed(m, source, e.getMessage(), null, List.of());
        }
        String title = view.title() == null ? null : CardBlocks.clean(view.title(), new LinkedHashMap<>()).strip();
        if ((title == null || title.isEmpty()) && !blocks.isEmpty()
                && TitleMarker.read(blocks.getFirst().lines().getFirst()).present()) {
            title = blocks.getFirst().lines().getFirst();
            blocks = dropFirstLine(blocks);
        }
        if (!m.msgType().equals("interactive") && !announcesAnAlert(title, blocks)) {
            return new Skipped(Skip.CHATTER);
        }
        if (blocks.stream().anyMatch(b -> b.lines().contains(LarkContent.UPGRADE_PLACEHOLDER))
                && (title == null || title.isEmpty())) {
            return unparsed(m, source, "card JSON 2.0: the API returns only the upgrade placeholder ("
                    + LarkContent.UPGRADE_PLACEHOLDER + "), not the alert", title, blocks);
        }
        Reading reading = BridgeLayouts.read(title, blocks);
        if (reading.alerts().isEmpty()) {
            return unparsed(m, source, "no alert found: no status marker in the title and "
                    + "no alert name, summary or start key (" + reading.layout() + " layout)", title, blocks);
        }
        List<NormalizedAlert> alerts = new ArrayList<>();
        try {
            for (int i = 0; i < reading.alerts().size(); i++) {
                AlertDraft d = reading.alerts().get(i);
                d.inherit(reading.card());
                alerts.add(alert(m, source, i, d, reading.card()));
            }
        } catch (UnreadableMessage e) {
            return unparsed(m, source, e.getMessage() + " (" + reading.layout() + " layout)", title, blocks);
        }
        return new Alerts(alerts);
    }

    private static List<Block> dropFirstLine(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks);
        Block first = out.removeFirst();
        if (first.lines().size() > 1) {
            out.addFirst(new Block(first.lines().subList(1, first.lines().size()), first.note(), first.links()));
        }
        return out;
    }

    private static boolean announcesAnAlert(String title, List<Block> blocks) {
        if (TitleMarker.read(title).present()) {
            return true;
        }
        for (Block b : blocks) {
            for (String line : b.lines()) {
                if (BridgeLayouts.isSectionHeading(line)) {
                    return true;
                }
                AlertDraft probe = new AlertDraft();
                KeyValueLines.read(List.of(line), probe);
                if (probe.name != null || probe.status != null) {
                    return true;
                }
            }
        }
        return false;
    }

    private NormalizedAlert alert(Message m, String source, int index, AlertDraft d, AlertDraft card) {
        String name = d.name == null ? null : d.name.strip();
        if (name == null || name.isEmpty()) {
            throw new UnreadableMessage("alert " + (index + 1) + " has no name");
        }
        String status = LarkVocabulary.status(d.status).orElseThrow(() -> new UnreadableMessage(
                "alert '" + name + "' has no firing/resolved status" + (d.status == null ? "" : " ('" + d.status + "')")));
        String severity = LarkVocabulary.severity(d.severity).orElse("warning");
        LocalDateTime starts = time(d.starts, "start");
        LocalDateTime ends = status.equals("resolved") && d.ends != null && !CardTimes.notEnded(d.ends.text())
                ? time(d.ends, "end") : null;
        String clusterId = null;
        String clusterRef = null;
        for (String ref : d.clusterReferences(card)) {
            String r = ref.strip();
            if (r.isEmpty() || r.equals("-")) {
                continue;
            }
            clusterRef = clusterRef == null ? r : clusterRef;
            Optional<String> id = clusters.resolve(r);
            if (id.isPresent()) {
                clusterId = id.get();
                clusterRef = r;
                break;
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", cap(name, 256));
        d.labels.forEach((k, v) -> labels.putIfAbsent(cap(k, 64), cap(v, 512)));
        Map<String, String> annotations = new LinkedHashMap<>();
        if (d.summary != null) {
            annotations.put("summary", cap(d.summary, 8_000));
        }
        if (d.description != null) {
            annotations.put("description", cap(d.description, 8_000));
        }
        return new NormalizedAlert(source, messageId(m, Integer.toString(index)), m.messageId(),
                cap(d.fingerprint, 128), status, severity, cap(name, 256), clusterId, cap(clusterRef, 256),
                cap(d.node, 256), annotations.get("summary"), annotations.get("description"), labels, annotations,
                starts, ends, cap(d.fingerprint, 128), cap(d.generatorUrl, 2048), m.receivedAt(), "parsed", null,
                m.raw());
    }

    private LocalDateTime time(AlertDraft.Time t, String what) {
        if (t == null) {
            return null;
        }
        return CardTimes.parse(t.text(), t.utc() ? ZoneOffset.UTC : cardZone)
                .orElseThrow(() -> new UnreadableMessage("unreadable " + what + " time '" + cap(t.text(), 64) + "'"));
    }

    private static Alerts unparsed(Message m, String source, String reason, String title, List<Block> blocks) {
        String status = LarkVocabulary.status(TitleMarker.read(title).status()).orElse("firing");
        StringBuilder text = new StringBuilder();
        blocks.forEach(b -> text.append(String.join("\n", b.lines())).append("\n\n"));
        String description = text.isEmpty() ? null : cap(text.toString().strip(), 8_000);
        return new Alerts(List.of(new NormalizedAlert(source, messageId(m, "unparsed"), m.messageId(), null, status,
                "warning", null, null, null, null, cap(title, 8_000), description, Map.of(), Map.of(), null, null,
                null, null, m.receivedAt(), "unparsed", cap(reason, 1_000), m.raw())));
    }

    /** SHA-256 of {@code lark|<message id>[@<update_time> if edited]|<index>}. */
    static String messageId(Message m, String index) {
        String key = "lark|" + m.identity() + "|" + index;
        return Digests.sha256Hex(key);
    }

    static String cap(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The item fields the parser reads, taken leniently: a field of the wrong type counts as absent. */
    record Message(String messageId, String msgType, String senderType, boolean deleted, boolean updated,
                   String updateTime, LocalDateTime receivedAt, JsonNode content, String raw, String problem) {

        static Message of(JsonNode item) {
            String raw = cap(item == null ? "null" : JSON.writeValueAsString(item), MAX_RAW_CHARS);
            if (item == null || !item.isObject()) {
                return new Message(null, null, null, false, false, null, now(), null, raw,
                        "the message is not a JSON object");
            }
            String id = LarkContent.string(item.get("message_id"));
            String type = LarkContent.string(item.get("msg_type"));
            String created = LarkContent.string(item.get("create_time"));
            LocalDateTime received = millis(created);
            String problem = id == null || id.isBlank() ? "the message has no message_id"
                    : type == null ? "the message has no msg_type"
                    : received == null ? "create_time is not a time in milliseconds: '" + cap(created, 40) + "'"
                    : null;
            return new Message(id, type, LarkContent.string(item.at("/sender/sender_type")),
                    item.path("deleted").asBoolean(false), item.path("updated").asBoolean(false),
                    LarkContent.string(item.get("update_time")), received == null ? now() : received,
                    item.at("/body/content"), raw, problem);
        }

        /** What identifies this version of the message: its id, and its update time once edited. */
        String identity() {
            String id = messageId != null ? messageId : "raw:" + raw;
            return updated && updateTime != null ? id + "@" + updateTime : id;
        }

        private static LocalDateTime millis(String s) {
            if (s == null || !s.strip().matches("\\d{1,15}")) {
                return null;
            }
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(Long.parseLong(s.strip())), ZoneOffset.UTC);
        }

        /** Only for items without a readable create_time: they are stored as unparsed, received now. */
        private static LocalDateTime now() {
            return LocalDateTime.now(ZoneOffset.UTC);
        }
    }
}
