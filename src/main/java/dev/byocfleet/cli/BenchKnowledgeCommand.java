package dev.byocfleet.cli;

import dev.byocfleet.knowledge.KnowledgeBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "bench-knowledge", description = "Time building the knowledge index and searching it at a corpus "
        + "size made from the starter documents (benchmark; see bench/README.md). Needs no store.")
final class BenchKnowledgeCommand implements Callable<Integer> {

    @Option(names = "--docs", defaultValue = "10000", description = "documents (default: ${DEFAULT-VALUE})")
    int docs;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the document variations")
    long seed;

    @Option(names = "--rounds", defaultValue = "5", description = "timed rounds over the queries")
    int rounds;

    @Option(names = "--queries", required = true, split = ",",
            description = "JSON Lines files whose 'query' fields are the searches")
    List<Path> queryFiles;

    @Option(names = "--index-dir", required = true,
            description = "an empty folder for the index, or with --reuse-index the folder of an earlier run's index")
    Path indexDir;

    @Option(names = "--reuse-index", description = "search the index an earlier run built in --index-dir (its "
            + "manifest must match --docs, --seed, the corpus, model and chunker) and report that run's build figures")
    boolean reuseIndex;

    @Option(names = "--no-embed-baseline", description = "build without timing the embedding-alone baseline first")
    boolean noEmbedBaseline;

    @Option(names = "--run-id", defaultValue = "unnamed", description = "names this run in the index's manifest")
    String runId;

    @Option(names = "--out", description = "write the result as JSON here")
    Path out;

    @Override
    public Integer call() throws IOException {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        List<String> queries = new ArrayList<>();
        for (Path file : queryFiles) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    JsonNode node = json.readTree(line);
                    queries.add(node.get("query").asString());
                }
            }
        }
        Files.createDirectories(indexDir);
        KnowledgeBenchmark.Build how = reuseIndex ? KnowledgeBenchmark.Build.REUSE
                : noEmbedBaseline ? KnowledgeBenchmark.Build.WITHOUT_BASELINE : KnowledgeBenchmark.Build.WITH_BASELINE;
        KnowledgeBenchmark.Result result;
        try {
            result = KnowledgeBenchmark.run(indexDir, docs, seed, queries, Math.max(1, rounds), how, runId);
        } catch (IllegalArgumentException e) {
            System.err.println("bench-knowledge: " + e.getMessage());
            return 2;
        }
        String text = json.writeValueAsString(result);
        System.out.println(text);
        if (out != null) {
            Files.writeString(out, text);
        }
        return 0;
    }
}
