package dev.byocfleet.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The injected incidents (cluster, kind, window) in a JSON file beside the database, for scoring
 * investigations. Never written to a table: the product and its agents must not see the answers.
 */
final class GroundTruth {

    static final String FILE = "ground-truth.json";

    private GroundTruth() {
    }

    static Path write(Path dataDir, GenerateOptions options, List<Incident> incidents, List<DemoAlert> alerts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Incident inc : incidents) {
            FleetModel.Cluster c = inc.cluster();
            var start = options.end().minusDays(options.preset().historyDays()).plusMinutes(inc.startMinute());
            var end = options.end().minusDays(options.preset().historyDays()).plusMinutes(inc.endMinute());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scenario_id", inc.scenarioId());
            row.put("kind", inc.kind().id());
            row.put("cluster_id", c.clusterId);
            row.put("cluster_name", c.name);
            row.put("start", start.toString());
            row.put("end", end.toString());
            row.put("ongoing_at_end", !end.isBefore(options.end()));
            row.put("intensity", inc.intensity());
            row.put("node_id", inc.node() == null ? null : inc.node().nodeId);
            row.put("detail", inc.detail());
            row.put("description", inc.description());
            row.put("alerts", alerts.stream().filter(a -> inc.scenarioId().equals(a.incidentId()))
                    .map(a -> a.name() + " @ " + a.startsAt()).toList());
            rows.add(row);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("preset", options.preset().id());
        doc.put("seed", options.seed());
        doc.put("end", options.end().toString());
        doc.put("incidents", rows);
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(FILE);
            Files.writeString(file, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(doc));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ground truth to " + dataDir, e);
        }
    }
}
