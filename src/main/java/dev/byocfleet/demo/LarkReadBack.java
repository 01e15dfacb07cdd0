package dev.byocfleet.demo;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lossy view Lark gives of a card when it is read back through {@code im/v1/messages}
 * (refs/formats/NOTES.md 3c): a title string and one array of runs per component. Markup goes:
 * bold and italic markers and font tags split the text into separate runs and vanish, links become
 * {@code a} runs, buttons keep only their text, colours and layout are gone.
 */
final class LarkReadBack {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern MARKUP = Pattern.compile("\\*\\*|\\*|\\[([^\\]]*)\\]\\(([^)]*)\\)|</?font[^>]*>");

    private LarkReadBack() {
    }

    /** The runs of a lark_md or markdown text. */
    static ArrayNode md(String markdown) {
        ArrayNode runs = NODES.arrayNode();
        addMd(runs, markdown);
        return runs;
    }

    private static void addMd(ArrayNode runs, String markdown) {
        Matcher m = MARKUP.matcher(markdown);
        int from = 0;
        while (m.find()) {
            addText(runs, markdown.substring(from, m.start()));
            if (m.group(1) != null) {
                runs.addObject().put("tag", "a").put("href", m.group(2)).put("text", m.group(1));
            }
            from = m.end();
        }
        addText(runs, markdown.substring(from));
    }

    /** One row holding the runs of several markdown blocks, as a column set or panel reads back. */
    static ArrayNode mdRow(List<String> blocks) {
        ArrayNode runs = NODES.arrayNode();
        blocks.forEach(b -> addMd(runs, b));
        return runs;
    }

    private static void addText(ArrayNode runs, String text) {
        if (!text.isEmpty()) {
            runs.addObject().put("tag", "text").put("text", text);
        }
    }

    /** A plain_text component: one run, no markup. */
    static ArrayNode text(String plain) {
        ArrayNode runs = NODES.arrayNode();
        addText(runs, plain);
        return runs;
    }

    static ArrayNode hr() {
        ArrayNode runs = NODES.arrayNode();
        runs.addObject().put("tag", "hr");
        return runs;
    }

    static ArrayNode note(String markdown) {
        ArrayNode runs = NODES.arrayNode();
        runs.addObject().put("tag", "note").set("elements", md(markdown));
        return runs;
    }

    static ArrayNode button(String text, String type) {
        ArrayNode runs = NODES.arrayNode();
        runs.addObject().put("tag", "button").put("text", text).put("type", type);
        return runs;
    }

    /** The read-back body of an interactive message: {"title":..., "elements":[[...], ...]}. */
    static ObjectNode card(String title, List<ArrayNode> rows) {
        ObjectNode card = NODES.objectNode();
        card.put("title", title);
        ArrayNode elements = card.putArray("elements");
        rows.forEach(elements::add);
        return card;
    }
}
