package dev.byocfleet.demo;

import static dev.byocfleet.demo.LarkReadBack.button;
import static dev.byocfleet.demo.LarkReadBack.hr;
import static dev.byocfleet.demo.LarkReadBack.md;
import static dev.byocfleet.demo.LarkReadBack.mdRow;
import static dev.byocfleet.demo.LarkReadBack.note;
import static dev.byocfleet.demo.LarkReadBack.text;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders the Lark message announcing alert state changes, as the alert chat reads it back. The
 * channel has had several bridges; which one carried an alert is drawn from its fingerprint.
 * The layouts and the shares of messages they take:
 * <ul>
 * <li>{@link Style#XUJIAHUA} (28%) card 1.0 of XUJiahua/alertmanager-webhook-feishu: title
 *     {@code <alertname> [n] Firing [m] Resolved}, per alert a lark_md block
 *     {@code **summary** SEVERITY [GeneratorURL](url)}, the description (which names node and
 *     cluster), {@code start ~ end|TO BE RESOLVED} in Asia/Shanghai time; hr between, empty note.</li>
 * <li>{@link Style#PROMETHEUS_ALERT} (12%) card 1.0 of feiyu563/PrometheusAlert: title
 *     {@code PrometheusAlert}, every alert in one lark_md string with CRLF lines,
 *     {@code Prometheus告警信息/恢复信息} headings, Chinese keys (告警状态 告警/恢复, 告警级别, 集群,
 *     故障主机IP with Go's {@code <no value>} for cluster-wide alerts, 开始时间/结束时间 raw RFC 3339).</li>
 * <li>{@link Style#ZH_KEY_VALUE} (12%) an in-house card 1.0, one alert: title {@code 【告警】X} or
 *     {@code 【恢复】X}, bold key/value lines 告警名称 告警状态 告警级别 集群 节点 开始时间 恢复时间 告警详情.</li>
 * <li>{@link Style#AIRSMON} (14%) card 2.0 of airsmon/alertmanager-feishu-adapter, with emoji:
 *     {@code 🚨 [FIRING] X} / {@code ✅ [RESOLVED] X}, a status/level/cluster column set, per alert
 *     告警名称 告警对象 告警摘要 首次触发 (恢复时间) 持续时长, a details panel, a footer.</li>
 * <li>{@link Style#NIRVAM} (12%) card 2.0 of nirvam/alertmanager-feishu-go: {@code [FIRING] X},
 *     per alert Summary/Description/Severity/Starts At (UTC, no zone) markdown, a button, hr
 *     between; we add {@code Ends At} on resolved alerts, which the bridge leaves out.</li>
 * <li>{@link Style#TEXT} (14%) a text message
 *     {@code [FIRING:1] X cluster=.. instance=.. severity=..}, the summary, Starts at / Ends at.</li>
 * <li>{@link Style#POST} (8%) a post: title {@code [FIRING] X}, bold key runs, an Alertmanager or
 *     Grafana link.</li>
 * </ul>
 * Card 2.0 messages really read back as an upgrade placeholder only; here they read back fully,
 * as when forwarded by a user, so that every alert message carries its alert (the placeholder
 * appears as channel noise instead, see {@link LarkChannel}). XUJIAHUA, PROMETHEUS_ALERT, AIRSMON
 * and NIRVAM can list several alerts, firing first; the others carry one.
 */
final class LarkCards {

    enum Style {
        XUJIAHUA("interactive", true), PROMETHEUS_ALERT("interactive", true), ZH_KEY_VALUE("interactive", false),
        AIRSMON("interactive", true), NIRVAM("interactive", true), TEXT("text", false), POST("post", false);

        final String msgType;
        final boolean manyAlerts;

        Style(String msgType, boolean manyAlerts) {
            this.msgType = msgType;
            this.manyAlerts = manyAlerts;
        }
    }

    /** One alert as one message shows it: announced as firing or as resolved. */
    record Entry(DemoAlert alert, boolean resolved) {}

    private static final Style[] STYLES = Style.values();
    private static final double[] SHARES = {0.28, 0.12, 0.12, 0.14, 0.12, 0.14, 0.08};
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final AlertFacts facts;

    LarkCards(AlertFacts facts) {
        this.facts = facts;
    }

    Style styleOf(DemoAlert a) {
        double x = facts.draw(a, "lark-style");
        for (int i = 0; i < STYLES.length - 1; i++) {
            if ((x -= SHARES[i]) < 0) {
                return STYLES[i];
            }
        }
        return STYLES[STYLES.length - 1];
    }

    /** The bridge of a message led by this alert: its own, or the XUJiahua card when that cannot list several. */
    Style styleOf(DemoAlert lead, int alerts) {
        Style style = styleOf(lead);
        return alerts > 1 && !style.manyAlerts ? Style.XUJIAHUA : style;
    }

    /** The body.content object of the message; entries firing first, then resolved. */
    ObjectNode content(Style style, List<Entry> entries, LocalDateTime postedAt) {
        return switch (style) {
            case XUJIAHUA -> xujiahua(entries);
            case PROMETHEUS_ALERT -> prometheusAlert(entries);
            case ZH_KEY_VALUE -> zhKeyValue(entries.getFirst());
            case AIRSMON -> airsmon(entries, postedAt);
            case NIRVAM -> nirvam(entries);
            case TEXT -> NODES.objectNode().put("text", plainText(entries.getFirst()));
            case POST -> post(entries.getFirst());
        };
    }

    private ObjectNode xujiahua(List<Entry> entries) {
        long resolved = entries.stream().filter(Entry::resolved).count();
        long firing = entries.size() - resolved;
        String title = entries.getFirst().alert().name() + " " + (firing > 0 ? "[" + firing + "] Firing " : "")
                + (resolved > 0 ? "[" + resolved + "] Resolved" : "");
        List<ArrayNode> rows = new ArrayList<>();
        for (Entry e : entries) {
            DemoAlert a = e.alert();
            String url = AlertFacts.generatorUrl(a);
            rows.add(md("**" + a.summary() + "** " + a.severity().toUpperCase() + " "
                    + (url.isEmpty() ? "" : "[GeneratorURL](" + url + ")") + "\n" + facts.description(a) + "\n"
                    + AlertFacts.shanghai(a.startsAt()) + " ~"
                    + (e.resolved() ? " " + AlertFacts.shanghai(a.endsAt()) : " TO BE RESOLVED")));
            rows.add(hr());
        }
        rows.add(note(""));
        return LarkReadBack.card(title, rows);
    }

    private ObjectNode prometheusAlert(List<Entry> entries) {
        StringBuilder md = new StringBuilder();
        for (Entry e : entries) {
            DemoAlert a = e.alert();
            String source = a.origin().equals("grafana") ? "Grafana" : "Prometheus";
            String home = a.origin().equals("grafana") ? AlertFacts.GRAFANA_URL : AlertFacts.ALERTMANAGER_URL;
            md.append("**[").append(source).append(e.resolved() ? "恢复信息" : "告警信息").append("](")
                    .append(AlertFacts.generatorUrl(a)).append(")**\r\n")
                    .append("*[").append(a.name()).append("](").append(home).append(")*\r\n")
                    .append("告警状态：").append(e.resolved() ? "恢复" : "告警").append("\r\n")
                    .append("告警级别：").append(a.severity()).append("\r\n")
                    .append("集群：").append(facts.clusterRef(a)).append("\r\n")
                    .append("故障主机IP：").append(a.node() == null ? "<no value>" : a.node().instance()).append("\r\n")
                    .append("开始时间：").append(AlertFacts.rfc3339(a.startsAt())).append("\r\n");
            if (e.resolved()) {
                md.append("结束时间：").append(AlertFacts.rfc3339(a.endsAt())).append("\r\n");
            }
            md.append("**").append(a.summary()).append("**\r\n");
        }
        return LarkReadBack.card("PrometheusAlert", List.of(md(md.toString())));
    }

    private ObjectNode zhKeyValue(Entry e) {
        DemoAlert a = e.alert();
        StringBuilder md = new StringBuilder()
                .append("**告警名称：**").append(a.name())
                .append("\n**告警状态：**").append(e.resolved() ? "恢复" : "告警")
                .append("\n**告警级别：**").append(a.severity())
                .append("\n**集群：**").append(facts.clusterRef(a));
        if (a.node() != null) {
            md.append("\n**节点：**").append(a.node().instance());
        }
        md.append("\n**开始时间：**").append(AlertFacts.shanghai(a.startsAt()));
        if (e.resolved()) {
            md.append("\n**恢复时间：**").append(AlertFacts.shanghai(a.endsAt()));
        }
        md.append("\n**告警详情：**").append(a.summary());
        String title = (e.resolved() ? "【恢复】" : "【告警】") + a.name();
        String source = a.origin().equals("grafana") ? "Grafana" : "Alertmanager";
        return LarkReadBack.card(title, List.of(md(md.toString()), hr(), note("来源：" + source)));
    }

    private ObjectNode airsmon(List<Entry> entries, LocalDateTime postedAt) {
        DemoAlert lead = entries.getFirst().alert();
        boolean firing = entries.stream().anyMatch(e -> !e.resolved());
        String title = (firing ? "🚨 [FIRING] " : "✅ [RESOLVED] ") + lead.name();
        String env = lead.cluster().environment;
        ArrayNode summaryRow = mdRow(List.of("**状态**\n" + (firing ? "🔴 DOWN / FIRING" : "🟢 UP / RESOLVED"),
                "**命名空间**\n-", "**级别**\n" + lead.severity(), "**环境 / 集群**\n" + env + " / " + facts.clusterRef(lead)));
        String core = entries.stream().map(e -> airsmonCore(e, postedAt)).collect(Collectors.joining("\n\n"));
        List<String> panel = new ArrayList<>(List.of("更多信息 · 资源 / 详情 / 追踪"));
        panel.add(entries.stream().map(e -> airsmonDetail(e.alert())).collect(Collectors.joining("\n\n")));
        String fp = lead.fingerprint();
        String footer = (lead.origin().equals("grafana") ? "Grafana" : "Alertmanager") + " · " + env + " · "
                + facts.clusterRef(lead) + " · 本组 " + entries.size() + " 条 · 首条 ID " + fp.substring(0, 8);
        return LarkReadBack.card(title, List.of(summaryRow, md(core), mdRow(panel), text(footer)));
    }

    private String airsmonCore(Entry e, LocalDateTime postedAt) {
        DemoAlert a = e.alert();
        String object = a.node() == null ? "Job / " + AlertFacts.job(a) : "Instance / " + a.node().instance();
        String lines = "**告警名称：** " + a.name() + "\n**告警对象：** " + object + "\n**告警摘要：** " + a.summary()
                + "\n**首次触发：** " + AlertFacts.shanghai(a.startsAt()) + "（Asia/Shanghai）";
        if (e.resolved()) {
            lines += "\n**恢复时间：** " + AlertFacts.shanghai(a.endsAt()) + "（Asia/Shanghai）";
        }
        LocalDateTime until = e.resolved() ? a.endsAt() : postedAt;
        return lines + "\n**持续时长：** " + duration(Duration.between(a.startsAt(), until));
    }

    private String airsmonDetail(DemoAlert a) {
        String lines = "**追踪标识：** " + a.fingerprint().substring(0, 8) + "\n**采集任务：** " + AlertFacts.job(a);
        if (a.node() != null) {
            lines += "\n**实例地址：** " + a.node().instance();
        }
        return lines + "\n**告警详情：** " + facts.description(a) + "\n**告警指纹：** " + a.fingerprint();
    }

    /** "1h 2m 3s", as the airsmon bridge prints a duration. */
    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        List<String> parts = new ArrayList<>();
        if (s >= 3600) {
            parts.add(s / 3600 + "h");
        }
        if (s % 3600 >= 60) {
            parts.add(s % 3600 / 60 + "m");
        }
        if (s % 60 > 0 || parts.isEmpty()) {
            parts.add(s % 60 + "s");
        }
        return String.join(" ", parts);
    }

    private ObjectNode nirvam(List<Entry> entries) {
        boolean firing = entries.stream().anyMatch(e -> !e.resolved());
        String title = "[" + (firing ? "FIRING" : "RESOLVED") + "] " + entries.getFirst().alert().name();
        List<ArrayNode> rows = new ArrayList<>();
        for (Entry e : entries) {
            DemoAlert a = e.alert();
            if (!rows.isEmpty()) {
                rows.add(hr());
            }
            String color = a.severity().equals("critical") ? "red" : "orange";
            String md = "**Summary:** " + a.summary() + "\n**Description:** " + facts.description(a)
                    + "\n**Severity:** <font color='" + color + "'>" + a.severity() + "</font>\n**Starts At:** "
                    + AlertFacts.plainUtc(a.startsAt());
            rows.add(md(e.resolved() ? md + "\n**Ends At:** " + AlertFacts.plainUtc(a.endsAt()) : md));
            if (!AlertFacts.generatorUrl(a).isEmpty()) {
                rows.add(button("View in Prometheus", "default"));
            }
        }
        return LarkReadBack.card(title, rows);
    }

    private String plainText(Entry e) {
        DemoAlert a = e.alert();
        String text = (e.resolved() ? "[RESOLVED] " : "[FIRING:1] ") + a.name() + " cluster=" + facts.clusterRef(a)
                + (a.node() == null ? "" : " instance=" + a.node().instance()) + " severity=" + a.severity()
                + "\n" + a.summary() + "\nStarts at: " + AlertFacts.rfc3339(a.startsAt());
        return e.resolved() ? text + "\nEnds at: " + AlertFacts.rfc3339(a.endsAt()) : text;
    }

    private ObjectNode post(Entry e) {
        DemoAlert a = e.alert();
        ObjectNode post = NODES.objectNode();
        post.put("title", (e.resolved() ? "[RESOLVED] " : "[FIRING] ") + a.name());
        ArrayNode content = post.putArray("content");
        content.add(keyValue("cluster: ", facts.clusterRef(a)));
        if (a.node() != null) {
            content.add(keyValue("instance: ", a.node().instance()));
        }
        content.add(keyValue("severity: ", a.severity()));
        content.add(keyValue("summary: ", a.summary()));
        content.add(keyValue("starts at: ", AlertFacts.shanghai(a.startsAt()) + " +08:00"));
        if (e.resolved()) {
            content.add(keyValue("ends at: ", AlertFacts.shanghai(a.endsAt()) + " +08:00"));
        }
        boolean grafana = a.origin().equals("grafana");
        ObjectNode link = content.addArray().addObject().put("tag", "a")
                .put("href", grafana ? AlertFacts.GRAFANA_URL + "alerting/list" : AlertFacts.ALERTMANAGER_URL + "/#/alerts")
                .put("text", grafana ? "Grafana" : "Alertmanager");
        link.putArray("style");
        return post;
    }

    private static ArrayNode keyValue(String key, String value) {
        ArrayNode row = NODES.arrayNode();
        row.addObject().put("tag", "text").put("text", key).putArray("style").add("bold");
        row.addObject().put("tag", "text").put("text", value).putArray("style");
        return row;
    }
}
