package dev.byocfleet.ingest.source.lark;

import dev.byocfleet.ingest.source.lark.CardView.Row;
import dev.byocfleet.ingest.source.lark.CardView.Run;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes {@code body.content} into a {@link CardView}. Besides the shapes the list API returns
 * (refs/formats/NOTES.md 3c: text {@code {"text"}}, post {@code {"title","content":[[runs]]}}, card
 * read-back {@code {"title","elements":[[runs]]}}) it reads what saved results sometimes hold
 * instead: a post with its locale wrapper, and the card JSON a bridge sent (1.0 {@code header} +
 * {@code elements}, 2.0 {@code schema} + {@code body.elements}, or wrapped in {@code card}).
 */
final class LarkContent {

    static final String UPGRADE_PLACEHOLDER = "请升级至最新版本客户端，以查看内容";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> LOCALES = List.of("zh_cn", "en_us", "ja_jp");

    private LarkContent() {
    }

    /** The content as a JSON object; a string is parsed (it is a JSON document serialised into a string). */
    static JsonNode object(JsonNode content) {
        JsonNode node = content;
        if (content != null && content.isString()) {
            try {
                node = JSON.readTree(content.asString());
            } catch (JacksonException e) {
                throw new UnreadableMessage("body.content is not valid JSON: " + e.getOriginalMessage());
            }
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new UnreadableMessage("the message has no body.content");
        }
        if (!node.isObject()) {
            throw new UnreadableMessage("body.content must be a JSON object, not " + node.getNodeType().name().toLowerCase());
        }
        return node;
    }

    static CardView view(String msgType, JsonNode content) {
        return switch (msgType) {
            case "text" -> new CardView(null, List.of(textRow(string(content.get("text")))), true);
            case "post" -> post(content);
            default -> card(content);
        };
    }

    private static CardView post(JsonNode content) {
        JsonNode post = content.has("post") ? content.get("post") : content;
        if (!post.has("content")) {
            for (String locale : LOCALES) {
                if (post.has(locale)) {
                    post = post.get(locale);
                    break;
                }
            }
        }
        JsonNode rows = post.get("content");
        if (rows == null || !rows.isArray()) {
            throw new UnreadableMessage("post content has no 'content' rows");
        }
        List<Row> out = new ArrayList<>();
        rows.forEach(r -> out.add(readBackRow(r)));
        return new CardView(string(post.get("title")), out, true);
    }

    private static CardView card(JsonNode content) {
        JsonNode card = content.has("card") && content.get("card").isObject() ? content.get("card") : content;
        if (card.has("header") || card.has("schema") || sentElements(card)) {
            return sentCard(card);
        }
        JsonNode elements = card.get("elements");
        if (elements == null || !elements.isArray()) {
            if (card.has("text")) {
                return new CardView(string(card.get("title")), List.of(textRow(string(card.get("text")))), false);
            }
            throw new UnreadableMessage("card content has neither 'title' nor 'elements'");
        }
        List<Row> rows = new ArrayList<>();
        elements.forEach(e -> rows.add(readBackRow(e)));
        return new CardView(string(card.get("title")), rows, false);
    }

    /** Whether elements are component objects (a sent card) rather than arrays of runs (read back). */
    private static boolean sentElements(JsonNode card) {
        JsonNode elements = card.get("elements");
        return elements != null && elements.isArray() && !elements.isEmpty() && elements.get(0).isObject();
    }

    /** One read-back row: an array of runs (a lone run object is taken as a row of one). */
    private static Row readBackRow(JsonNode row) {
        List<Run> runs = new ArrayList<>();
        boolean rule = false;
        boolean note = false;
        for (JsonNode run : row.isArray() ? row : List.of(row)) {
            String tag = string(run.get("tag"));
            switch (tag == null ? "" : tag) {
                case "hr" -> rule = true;
                case "note" -> {
                    note = true;
                    JsonNode inner = run.get("elements");
                    if (inner != null && inner.isArray()) {
                        inner.forEach(i -> addRun(runs, i));
                    }
                }
                default -> addRun(runs, run);
            }
        }
        return rule && runs.isEmpty() ? Row.horizontalRule() : new Row(runs, false, note);
    }

    private static void addRun(List<Run> runs, JsonNode run) {
        String tag = string(run.get("tag"));
        String text = string(run.get("text"));
        switch (tag == null ? "text" : tag) {
            case "text", "md", "code_block", "plain_text", "lark_md", "markdown" -> {
                String t = text != null ? text : string(run.get("content"));
                if (t != null) {
                    runs.add(Run.text(t));
                }
            }
            case "a" -> runs.add(new Run(text == null ? "" : text, string(run.get("href"))));
            case "at" -> {
                String name = string(run.get("user_name"));
                runs.add(Run.text("@" + (name == null || name.isEmpty() ? string(run.get("user_id")) : name)));
            }
            default -> {
                // buttons, images, pickers and emoji carry nothing an alert is read from
            }
        }
    }

    private static CardView sentCard(JsonNode card) {
        String title = string(card.at("/header/title/content"));
        JsonNode elements = card.has("body") ? card.at("/body/elements") : card.get("elements");
        if ((elements == null || elements.isMissingNode()) && card.has("i18n_elements")) {
            JsonNode i18n = card.get("i18n_elements");
            elements = LOCALES.stream().filter(i18n::has).findFirst().map(i18n::get).orElse(null);
        }
        List<Row> rows = new ArrayList<>();
        if (elements != null && elements.isArray()) {
            elements.forEach(e -> sentComponent(e, rows));
        }
        return new CardView(title, rows, false);
    }

    /** A sent card component as the rows its read-back would have. */
    private static void sentComponent(JsonNode e, List<Row> rows) {
        String tag = string(e.get("tag"));
        switch (tag == null ? "" : tag) {
            case "hr" -> rows.add(Row.horizontalRule());
            case "div" -> {
                List<Run> runs = new ArrayList<>();
                String text = string(e.at("/text/content"));
                if (text != null) {
                    runs.add(Run.text(text));
                }
                JsonNode fields = e.get("fields");
                if (fields != null && fields.isArray()) {
                    fields.forEach(f -> runs.add(Run.text("\n" + string(f.at("/text/content")))));
                }
                rows.add(new Row(runs, false, false));
            }
            case "markdown", "plain_text", "lark_md" -> rows.add(textRow(string(e.get("content"))));
            case "note" -> {
                List<Run> runs = new ArrayList<>();
                JsonNode inner = e.get("elements");
                if (inner != null && inner.isArray()) {
                    inner.forEach(i -> {
                        String t = string(i.get("content"));
                        if (t != null) {
                            runs.add(Run.text(t));
                        }
                    });
                }
                rows.add(new Row(runs, false, true));
            }
            case "column_set", "column", "collapsible_panel", "form", "interactive_container" -> {
                for (String child : List.of("columns", "elements")) {
                    JsonNode children = e.get(child);
                    if (children != null && children.isArray()) {
                        children.forEach(c -> sentComponent(c, rows));
                    }
                }
            }
            default -> {
                // action rows, buttons and images: no alert text
            }
        }
    }

    private static Row textRow(String text) {
        return new Row(text == null ? List.of() : List.of(Run.text(text)), false, false);
    }

    static String string(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.isContainer() ? null : node.asString();
    }
}
