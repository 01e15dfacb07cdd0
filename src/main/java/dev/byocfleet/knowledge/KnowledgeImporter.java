package dev.byocfleet.knowledge;

import dev.byocfleet.api.InvalidParameterException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads documents from Markdown with YAML front matter and from JSON Lines. Both name the same
 * fields: {@code id} (or {@code doc_id}), {@code kind}, {@code title}, {@code tags},
 * {@code affected_versions}, {@code fixed_versions}, {@code source}; Markdown carries the body after
 * the front matter (and a missing title is taken from its first {@code # heading}), JSONL in
 * {@code body}. Lists may be YAML/JSON lists or comma-separated text.
 */
final class KnowledgeImporter {

    private static final Set<String> FIELDS = Set.of("id", "doc_id", "kind", "title", "body", "tags",
            "affected_versions", "fixed_versions", "source");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KnowledgeImporter() {
    }

    /** One Markdown document; {@code name} (a file name) supplies the id when the front matter has none. */
    static KnowledgeDocumentInput markdown(String name, String text) {
        String t = text.replace("\r\n", "\n").stripLeading();
        Map<String, Object> front = Map.of();
        String body = t;
        if (t.startsWith("---\n")) {
            int end = t.indexOf("\n---", 4);
            if (end < 0) {
                throw new InvalidParameterException("body", name + ": the front matter is not closed by a '---' line");
            }
            try {
                Map<String, Object> parsed = YAML.readValue(t.substring(4, end), MAP);
                front = parsed == null ? Map.of() : parsed;
            } catch (JacksonException e) {
                throw new InvalidParameterException("body", name + ": the front matter is not valid YAML: "
                        + e.getOriginalMessage());
            }
            int bodyStart = t.indexOf('\n', end + 1);
            body = bodyStart < 0 ? "" : t.substring(bodyStart + 1);
        }
        checkFields(name, front.keySet());
        String title = text(front.get("title"));
        String content = body.strip();
        if (title == null && content.startsWith("# ")) {
            int nl = content.indexOf('\n');
            title = (nl < 0 ? content.substring(2) : content.substring(2, nl)).strip();
            content = nl < 0 ? "" : content.substring(nl + 1).strip();
        }
        String id = text(front.getOrDefault("id", front.get("doc_id")));
        if (id == null && name != null) {
            String file = name.substring(name.lastIndexOf('/') + 1);
            id = file.endsWith(".md") ? file.substring(0, file.length() - 3) : file;
        }
        return new KnowledgeDocumentInput(id, text(front.get("kind")), title, content, list(front.get("tags")),
                list(front.get("affected_versions")), list(front.get("fixed_versions")), text(front.get("source")));
    }

    /** One document per non-blank line. */
    static List<KnowledgeDocumentInput> jsonLines(String name, String text) {
        List<KnowledgeDocumentInput> out = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Map<String, Object> m;
            try {
                m = JSON.readValue(lines[i], MAP);
            } catch (JacksonException e) {
                throw new InvalidParameterException("body", name + " line " + (i + 1) + ": not a JSON object: "
                        + e.getOriginalMessage());
            }
            if (m == null) {
                throw new InvalidParameterException("body", name + " line " + (i + 1) + ": not a JSON object: null");
            }
            checkFields(name + " line " + (i + 1), m.keySet());
            out.add(new KnowledgeDocumentInput(text(m.getOrDefault("id", m.get("doc_id"))), text(m.get("kind")),
                    text(m.get("title")), text(m.get("body")), list(m.get("tags")), list(m.get("affected_versions")),
                    list(m.get("fixed_versions")), text(m.get("source"))));
        }
        return out;
    }

    private static void checkFields(String where, Collection<String> keys) {
        for (String k : keys) {
            if (!FIELDS.contains(k)) {
                throw new InvalidParameterException("body", where + ": unknown field '" + k + "'; fields are "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : String.valueOf(value).strip();
    }

    private static @Nullable List<String> list(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        String s = String.valueOf(value).strip();
        return s.isEmpty() ? List.of()
                : java.util.Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }
}
