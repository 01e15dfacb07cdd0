package dev.byocfleet.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo fleet's alerts as the product receives them: the Lark alert chat (pages of
 * {@code GET /open-apis/im/v1/messages}, and the same pages as saved {@code im_v1_message_list}
 * MCP results), and the Alertmanager and Grafana webhook bodies.
 *
 * <p>An alert's Lark message takes one of seven layouts, drawn from its fingerprint (details and
 * shares in {@link LarkCards}): XUJiahua card 1.0 ({@code X [1] Firing}), PrometheusAlert card 1.0
 * with Chinese keys, an in-house card 1.0 with 告警名称/告警级别/集群/节点/开始时间/恢复时间 lines,
 * airsmon card 2.0 with emoji, nirvam card 2.0, a plain text {@code [FIRING:1] X cluster=..}, and
 * a post. One alert in five names its cluster by cluster_id instead of name. The chat's timing,
 * grouped cards and noise are in {@link LarkChannel}, webhook grouping in {@link WebhookBodies}.
 *
 * <p>Everything is derived from the inputs by hashing, so
 * the same fleet, seed, chat and alerts give the same bytes; the scenario behind an alert
 * ({@code incidentId}) is never written.
 */
final class AlertPayloads {

    /**
     * One message of the alert chat and the alerts it announces, in the order it lists them;
     * {@code resolvedFlags.get(i)} tells whether it shows {@code alerts.get(i)} as resolved. A grouped
     * card lists several alerts and may show some as resolved and others as still firing.
     */
    record LarkMessage(String messageId, String msgType, String content, LocalDateTime createTime,
                       List<DemoAlert> alerts, List<Boolean> resolvedFlags) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectWriter PRETTY = JSON.writer().with(new DefaultPrettyPrinter(Separators
            .createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")));

    private final AlertFacts facts;
    private final LarkChannel channel;

    AlertPayloads(FleetModel fleet, long seed, String chatId) {
        this.facts = new AlertFacts(seed);
        this.channel = new LarkChannel(facts, chatId, fleet.end);
    }

    /**
     * The id of the message announcing this state change: "om_" and 32 hex digits. An alert posted
     * in a grouped card has that card's id instead; take it from {@link #larkMessages}.
     */
    String larkMessageId(DemoAlert a, boolean resolvedEvent) {
        return channel.messageId(a, resolvedEvent);
    }

    /** The body.content string of the message announcing this state change, as the list API returns it. */
    String cardContent(DemoAlert a, boolean resolvedEvent) {
        return channel.content(a, resolvedEvent);
    }

    /** interactive, text or post. */
    String msgType(DemoAlert a, boolean resolvedEvent) {
        return channel.style(a).msgType;
    }

    /** Every alert-bearing message of the chat, in create_time order (the chat's other traffic left out). */
    List<LarkMessage> larkMessages(List<DemoAlert> alerts) {
        return channel.messages(alerts);
    }

    /** Writes lark/, mcp/, alertmanager/, grafana/ and a README under {@code alertsDir}, replacing earlier files. */
    void writeAll(Path alertsDir, List<DemoAlert> alerts) throws IOException {
        List<ObjectNode> pages = channel.pages(channel.items(channel.messages(alerts)));
        writeSeries(alertsDir.resolve("lark"), "messages-", pages, data -> {
            ObjectNode response = JsonNodeFactory.instance.objectNode().put("code", 0).put("msg", "success");
            response.set("data", data);
            return pretty(response);
        });
        writeSeries(alertsDir.resolve("mcp"), "im_v1_message_list-", pages, data -> {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.putArray("content").addObject().put("type", "text").put("text", compact(data));
            return pretty(result);
        });
        writeSeries(alertsDir.resolve("alertmanager"), "",
                WebhookBodies.notifications(alerts, "alertmanager").stream()
                        .map(n -> WebhookBodies.alertmanager(n, facts)).toList(),
                body -> WebhookBodies.goJson(body) + "\n");
        writeSeries(alertsDir.resolve("grafana"), "",
                WebhookBodies.notifications(alerts, "grafana").stream().map(n -> GrafanaBodies.body(n, facts)).toList(),
                WebhookBodies::goJson);
        Files.writeString(alertsDir.resolve("README.md"), README, StandardCharsets.UTF_8);
    }

    /** Numbered files {@code <prefix>0001.json}, ...: as many digits as the count needs, at least four. */
    private static void writeSeries(Path dir, String prefix, List<ObjectNode> bodies, Function<ObjectNode, String> render)
            throws IOException {
        Files.createDirectories(dir);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, prefix + "[0-9]*.json")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        int digits = Math.max(4, Integer.toString(bodies.size()).length());
        for (int i = 0; i < bodies.size(); i++) {
            String name = prefix + String.format("%0" + digits + "d", i + 1) + ".json";
            Files.writeString(dir.resolve(name), render.apply(bodies.get(i)), StandardCharsets.UTF_8);
        }
    }

    static String compact(JsonNode node) {
        return JSON.writeValueAsString(node);
    }

    private static String pretty(JsonNode node) {
        return PRETTY.writeValueAsString(node) + "\n";
    }

    private static final String README = """
            # Demo alerts (generated)

            Written by the demo generator (`AlertPayloads`); do not edit, regenerate instead. The same
            preset and seed always give the same bytes. Formats: `refs/formats/` of the project notes.

            - `lark/messages-NNNN.json`: the alert chat as `GET /open-apis/im/v1/messages` pages
              (`{"code":0,"msg":"success","data":{...}}`), 50 items a page in create_time order; each page's
              `page_token` fetches the next file, the last page has `has_more` false. Alert cards and
              texts from the bridge bot, plus user replies, recalled messages and card 2.0 placeholders.
            - `mcp/im_v1_message_list-NNNN.json`: the same pages saved as `im_v1_message_list` MCP
              CallToolResults (`content[0].text` is the page's `data` object as a JSON string).
            - `alertmanager/NNNN.json`: Alertmanager webhook bodies (version 4), one per group change in
              send order, byte for byte as Alertmanager posts them (compact, trailing newline).
            - `grafana/NNNN.json`: Grafana unified-alerting webhook bodies (version 1), likewise.
            """;
}
