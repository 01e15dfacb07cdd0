package dev.byocfleet.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads scenario files ({@code .yml}, {@code .yaml}, {@code .json}), one or more scenarios each:
 * a list, an object with a {@code scenarios} list, or a single scenario object. The format is
 * documented in docs/scenarios.md. Errors name the file and the field.
 */
public final class ScenarioLoader {

    private static final Pattern SPAN = Pattern.compile("^-?\\s*(\\d+(?:\\.\\d+)?)\\s*([mhd])$");
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ScenarioLoader() {
    }

    /** The scenarios shipped in the jar for the demo preset. */
    public static List<Scenario> builtIn() {
        try {
            List<Scenario> out = new ArrayList<>();
            Resource[] files = new PathMatchingResourcePatternResolver(ScenarioLoader.class.getClassLoader())
                    .getResources("classpath*:demo/scenarios/*.yml");
            java.util.Arrays.sort(files, java.util.Comparator.comparing(Resource::getFilename));
            for (Resource r : files) {
                try (InputStream in = r.getInputStream()) {
                    out.addAll(parse(r.getFilename(), in.readAllBytes()));
                }
            }
            return checkUnique(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in scenarios: " + e.getMessage(), e);
        }
    }

    /** Every scenario file in a folder (or one file), in file-name order. */
    public static List<Scenario> load(Path path) {
        try {
            List<Path> files;
            if (Files.isDirectory(path)) {
                try (Stream<Path> s = Files.list(path)) {
                    files = s.filter(ScenarioLoader::isScenarioFile).sorted().toList();
                }
            } else if (Files.isRegularFile(path)) {
                files = List.of(path);
            } else {
                throw new IllegalArgumentException("no scenario file or folder at " + path);
            }
            List<Scenario> out = new ArrayList<>();
            for (Path f : files) {
                out.addAll(parse(f.getFileName().toString(), Files.readAllBytes(f)));
            }
            return checkUnique(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read scenarios from " + path + ": " + e.getMessage(), e);
        }
    }

    private static boolean isScenarioFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yml") || n.endsWith(".yaml") || n.endsWith(".json");
    }

    static List<Scenario> parse(String fileName, byte[] content) {
        JsonNode root;
        try {
            root = (fileName.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML).readTree(content);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(fileName + ": not valid YAML/JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode list = root != null && root.isObject() && root.has("scenarios") ? root.get("scenarios") : root;
        List<Scenario> out = new ArrayList<>();
        if (list == null || list.isNull() || list.isMissingNode()) {
            throw new IllegalArgumentException(fileName + ": holds no scenario");
        }
        if (list.isArray()) {
            int i = 0;
            for (JsonNode n : list) {
                out.add(one(fileName + " scenario #" + (++i), n));
            }
        } else {
            out.add(one(fileName, list));
        }
        return out;
    }

    private static Scenario one(String where, JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException(where + ": a scenario must be an object");
        }
        try {
            JsonNode t = n.path("target");
            Scenario.Target target = t.isObject()
                    ? new Scenario.Target(text(t, "cluster_id"), text(t, "tier"), text(t, "type"), text(t, "version"),
                            text(t, "region"), text(t, "csp"))
                    : Scenario.Target.ANY;
            double intensity = n.has("intensity") ? n.get("intensity").asDouble() : 0.7;
            if (n.has("intensity") && !n.get("intensity").isNumber()) {
                throw new IllegalArgumentException("intensity must be a number between 0 and 1");
            }
            return new Scenario(text(n, "id"), IncidentKind.parse(text(n, "kind")), target,
                    span("start", text(n, "start")), span("duration", text(n, "duration")), intensity,
                    text(n, "description"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** {@code 90m}, {@code 36h}, {@code 2d} (a leading minus is allowed for start), or ISO-8601 {@code PT36H}. */
    static Duration span(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        String s = text.trim();
        Matcher m = SPAN.matcher(s);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            long minutes = Math.round(amount * switch (m.group(2)) {
                case "m" -> 1;
                case "h" -> 60;
                default -> 1440;
            });
            return Duration.ofMinutes(minutes);
        }
        try {
            return Duration.parse(s.startsWith("-") ? s.substring(1) : s);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a span such as 90m, 36h, 2d or PT36H");
        }
    }

    private static List<Scenario> checkUnique(List<Scenario> scenarios) {
        Set<String> ids = new HashSet<>();
        for (Scenario s : scenarios) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("scenario id '" + s.id() + "' is used twice");
            }
        }
        return scenarios;
    }
}
