package dev.byocfleet.demo;

import java.nio.file.Path;
import java.util.Map;

/** What a generation wrote: rows per table, incidents, alerts, files and how long it took. */
public record GenerateReport(String preset, long seed, Map<String, Long> rowsPerTable, int incidents, int alerts,
                             Path groundTruth, Path alertFiles, long millis) {

    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("generated preset ").append(preset).append(" (seed ").append(seed).append(") in ")
                .append(String.format("%.1f s", millis / 1000.0)).append('\n');
        rowsPerTable.forEach((t, n) -> sb.append(String.format("  %-36s %,14d%n", t, n)));
        sb.append("  incidents ").append(incidents).append(", alerts ").append(alerts).append('\n');
        sb.append("  ground truth: ").append(groundTruth).append('\n');
        sb.append("  alert payload files: ").append(alertFiles);
        return sb.toString();
    }
}
