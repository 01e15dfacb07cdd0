package dev.byocfleet.agents;

import dev.byocfleet.ingest.AlertSource;
import dev.byocfleet.ingest.AlertStore;
import dev.byocfleet.ingest.ClusterDirectory;
import dev.byocfleet.ingest.lark.LarkLoader;
import dev.byocfleet.store.StoreProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a case directory (case.yaml, metrics.csv, alerts/*.json, actions.csv) and loads it into the
 * store: alerts through the real parsers and the alert store (webhook bodies) or the Lark loader
 * (Lark message pages), recognised by the body's shape.
 */
@Component
class EvalCases {

    static final LocalDateTime SCENARIO_END = LocalDateTime.of(2026, 11, 29, 0, 0);
    static final String METRICS_HEADER = "cluster_id,metric_name,snapshot_hour,avg_value,min_value,max_value,p95_value";
    static final String ACTIONS_HEADER = "action_id,cluster_id,action_type,source,from_value,to_value,state,started_at,finished_at";

    record Case(LocalDateTime at, EvalRepository.CaseCluster cluster, String expected, List<String> mustMention) {}

    record Incident(String scenarioId, String kind, String clusterId, LocalDateTime at) {}

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EvalRepository repository;
    private final Map<String, AlertSource> sources;
    private final AlertStore alertStore;
    private final LarkLoader larkLoader;
    private final ClusterDirectory directory;
    private final StoreProperties store;

    EvalCases(EvalRepository repository, List<AlertSource> sources, AlertStore alertStore, LarkLoader larkLoader,
              ClusterDirectory directory, StoreProperties store) {
        this.repository = repository;
        this.sources = sources.stream().collect(Collectors.toMap(AlertSource::name, Function.identity()));
        this.alertStore = alertStore;
        this.larkLoader = larkLoader;
        this.directory = directory;
        this.store = store;
    }

    Case read(Path dir) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(dir.resolve("case.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode c = root.path("cluster");
        var cluster = new EvalRepository.CaseCluster(req(c, "id"), req(c, "name"), req(c, "org_id"), req(c, "org_name"),
                req(c, "tier"), req(c, "version"), req(c, "type"), c.path("fe_count").asInt(1), c.path("be_count").asInt(3),
                req(c, "instance_type"), req(c, "region"));
        String expected = req(root.path("expected"), "root_cause");
        if (!RootCause.ALL.contains(expected)) {
            throw new IllegalArgumentException("expected.root_cause '" + expected + "' is not a category");
        }
        List<String> mention = new ArrayList<>();
        root.path("expected").path("must_mention").forEach(n -> mention.add(n.asString()));
        return new Case(time(req(root, "at")), cluster, expected, mention);
    }

    /** Loads the case into the store; answers the ingest run ids its alerts were stored under. */
    List<String> load(Case c, Path dir) {
        repository.insertCluster(c.cluster(), c.at().minusDays(200));
        directory.invalidate();
        loadMetrics(c, dir.resolve("metrics.csv"));
        if (Files.exists(dir.resolve("actions.csv"))) {
            loadActions(dir.resolve("actions.csv"));
        }
        List<String> runs = new ArrayList<>();
        Path alerts = dir.resolve("alerts");
        if (Files.isDirectory(alerts)) {
            try (Stream<Path> files = Files.list(alerts)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    runs.add(ingest(f, c.at()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return runs;
    }

    void invalidateDirectory() {
        directory.invalidate();
    }

    private String ingest(Path file, LocalDateTime at) throws IOException {
        byte[] body = Files.readAllBytes(file);
        JsonNode root = JSON.readTree(body);
        String source = root.has("alerts") && (root.has("orgId") || root.has("title") || root.has("state")) ? "grafana"
                : root.has("alerts") ? "alertmanager" : "lark";
        if (source.equals("lark")) {
            return larkLoader.load(file, "eval").run().runId();
        }
        String runId = "eval-" + UUID.randomUUID();
        alertStore.store(sources.get(source).parse(body, at).alerts(), runId);
        alertStore.awaitListeners();
        return runId;
    }

    private void loadMetrics(Case c, Path file) {
        List<String> lines = lines(file, METRICS_HEADER);
        List<Object[]> rows = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(",", -1);
            if (!f[0].equals(c.cluster().id())) {
                throw new IllegalArgumentException(file + ": cluster_id " + f[0] + " is not the case's cluster");
            }
            rows.add(new Object[] {f[0], f[1], time(f[2]), num(f[3]), num(f[4]), num(f[5]), num(f[6])});
        }
        repository.replaceSnapshots(c.cluster().id(), rows);
    }

    private void loadActions(Path file) {
        for (String line : lines(file, ACTIONS_HEADER)) {
            String[] f = line.split(",", -1);
            repository.insertAction(f[0], f[1], f[2], blank(f[3]), blank(f[4]), blank(f[5]), blank(f[6]),
                    f[7].isBlank() ? null : time(f[7]), f[8].isBlank() ? null : time(f[8]));
        }
    }

    /** The incidents of the last generation's ground truth, each investigated 30 minutes after its first alert. */
    List<Incident> groundTruth() {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(store.dataDir().resolve("ground-truth.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Incident> out = new ArrayList<>();
        for (JsonNode i : root.path("incidents")) {
            LocalDateTime start = LocalDateTime.parse(i.path("start").asString());
            LocalDateTime first = start;
            for (JsonNode a : i.path("alerts")) {
                String t = a.asString().replaceFirst("^.* @ ", "");
                LocalDateTime when = LocalDateTime.parse(t.length() > 19 ? t.substring(0, 19) : t);
                first = first == start || when.isBefore(first) ? when : first;
            }
            LocalDateTime at = first.plusMinutes(30);
            LocalDateTime last = SCENARIO_END.minusMinutes(1);
            out.add(new Incident(i.path("scenario_id").asString(), i.path("kind").asString(), i.path("cluster_id").asString(),
                    at.isAfter(last) ? last : at));
        }
        return out;
    }

    private static List<String> lines(Path file, String header) {
        try {
            List<String> all = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
            if (all.isEmpty() || !all.getFirst().strip().equals(header)) {
                throw new IllegalArgumentException(file + ": the header must be " + header);
            }
            return all.subList(1, all.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDateTime time(String text) {
        String t = text.strip();
        if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return LocalDateTime.parse(t.replace(' ', 'T'));
    }

    private static @Nullable Double num(String s) {
        return s.isBlank() ? null : Double.parseDouble(s);
    }

    private static @Nullable String blank(String s) {
        return s.isBlank() ? null : s;
    }

    private static String req(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull() || v.asString("").isBlank()) {
            throw new IllegalArgumentException("case.yaml: '" + field + "' is required");
        }
        return v.asString();
    }
}
