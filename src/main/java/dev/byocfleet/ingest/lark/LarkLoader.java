package dev.byocfleet.ingest.lark;

import dev.byocfleet.recommend.AlertRecommendations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads saved {@code im_v1_message_list} MCP results (a file, or every {@code .json}/{@code .jsonl}
 * file under a folder, in path order) through the same parser and the same deduplicating store as
 * the pipeline, as one run of kind {@code lark_loader} with source {@code lark_mcp}. The MCP copy of
 * a page the pipeline already pulled adds nothing: message ids do not depend on the source.
 */
@Service
public class LarkLoader {

    /** A file that could not be read, or a result in it that was an error. */
    public record FileProblem(String file, String reason) {}

    /** The run, how many files were read, and the problems. */
    public record LoadReport(IngestRun run, int files, List<FileProblem> problems) {}

    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(LarkLoader.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LarkIntake intake;
    private final IngestRuns runs;
    private final AlertRecommendations recommendations;

    public LarkLoader(LarkIntake intake, IngestRuns runs, AlertRecommendations recommendations) {
        this.intake = intake;
        this.runs = runs;
        this.recommendations = recommendations;
    }

    public LoadReport load(Path path, String requestedBy) {
        IngestRun run = runs.start(IngestRuns.LARK_LOADER, null, null, requestedBy);
        RunTally tally = new RunTally();
        List<FileProblem> problems = new ArrayList<>();
        List<Path> files;
        try {
            files = files(path);
        } catch (IOException e) {
            return finish(run, tally, 0, List.of(new FileProblem(path.toString(), "cannot list: " + e.getMessage())));
        }
        if (files.isEmpty()) {
            problems.add(new FileProblem(path.toString(), Files.exists(path) ? "no .json or .jsonl files"
                    : "no such file or folder"));
        }
        try {
            for (Path file : files) {
                loadFile(file, run, tally, problems);
            }
        } catch (DataAccessException e) {
            problems.add(new FileProblem(path.toString(), "the store failed, loading stopped: " + e.getMessage()));
        }
        return finish(run, tally, files.size(), problems);
    }

    private static List<Path> files(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return !name.startsWith(".") && (name.endsWith(".json") || name.endsWith(".jsonl"));
            }).sorted().toList();
        }
    }

    private void loadFile(Path file, IngestRun run, RunTally tally, List<FileProblem> problems) {
        List<JsonNode> documents = new ArrayList<>();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.add(new FileProblem(file.toString(), "larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB"));
                return;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (file.toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
                for (String line : text.split("\n")) {
                    if (!line.isBlank()) {
                        documents.add(JSON.readTree(line));
                    }
                }
            } else {
                documents.add(JSON.readTree(text));
            }
        } catch (IOException e) {
            problems.add(new FileProblem(file.toString(), "cannot read: " + e.getMessage()));
            return;
        } catch (JacksonException e) {
            problems.add(new FileProblem(file.toString(), "not JSON: " + e.getOriginalMessage()));
            return;
        }
        for (JsonNode document : documents) {
            McpResults.Found found;
            try {
                found = McpResults.pages(document);
            } catch (JacksonException e) {
                // a value of a type no reading expects, deep inside: the file is refused, the load goes on
                problems.add(new FileProblem(file.toString(), "an unexpected shape: " + e.getOriginalMessage()));
                continue;
            }
            found.problems().forEach(p -> problems.add(new FileProblem(file.toString(), p)));
            for (List<JsonNode> page : found.pages()) {
                tally.pages++;
                intake.ingest(page, "lark_mcp", run.runId(), tally);
                runs.save(tally.record(run, "running", null, null));
            }
        }
    }

    private LoadReport finish(IngestRun run, RunTally tally, int files, List<FileProblem> problems) {
        intake.awaitGrouping();
        try {
            tally.recommendations = recommendations.forRun(run.runId());
        } catch (DataAccessException e) {
            log.warn("recommendations for loader run {} failed: {}", run.runId(), e.getMessage());
        }
        String status = problems.isEmpty() ? "succeeded" : tally.pages > 0 ? "partial" : "failed";
        String error = problems.isEmpty() ? null : problems.size() + " problem(s): " + String.join("; ",
                problems.stream().limit(10).map(p -> p.file() + ": " + p.reason()).toList());
        IngestRun windowed = new IngestRun(run.runId(), run.kind(), tally.oldest,
                tally.newest == null ? null : tally.newest.plusMillis(1), run.startedAt(), null, run.status(), 0, 0, 0, 0,
                0, 0, null, run.requestedBy(), null);
        IngestRun done = runs.save(tally.record(windowed, status, runs.now(), error));
        log.info("Lark loader run {} {}: {} file(s), {} page(s), {} message(s), {} new alert(s), {} duplicate(s), "
                + "{} unparsed, {} problem(s)", done.runId(), status, files, done.pages(), done.messages(),
                done.alertsInserted(), done.duplicates(), done.unparsed(), problems.size());
        return new LoadReport(done, files, List.copyOf(problems));
    }
}
