package dev.byocfleet.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The incidents of a generated fleet, read from the ground-truth.json beside its store. */
public final class GroundTruthFile {

    public record Incident(String scenarioId, String kind, String clusterId, LocalDateTime start, LocalDateTime end,
                           double intensity) {
    }

    private GroundTruthFile() {
    }

    public static List<Incident> read(Path file) {
        try {
            JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
            List<Incident> out = new ArrayList<>();
            for (JsonNode i : root.get("incidents")) {
                out.add(new Incident(i.get("scenario_id").asString(), i.get("kind").asString(),
                        i.get("cluster_id").asString(), LocalDateTime.parse(i.get("start").asString()),
                        LocalDateTime.parse(i.get("end").asString()), i.get("intensity").asDouble()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Incident byScenario(Path file, String scenarioId) {
        return read(file).stream().filter(i -> i.scenarioId().equals(scenarioId)).findFirst().orElseThrow();
    }
}
