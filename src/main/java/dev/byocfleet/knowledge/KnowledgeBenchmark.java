package dev.byocfleet.knowledge;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Index build time and search latency at a given corpus size. The documents are made from the
 * starter corpus deterministically (same seed, same documents): each copy reorders the body's
 * paragraphs, adds a paragraph about where it was seen and a tag, and marks the title. Baselines
 * run the same way in the same process: embedding the same passages without Lucene (for the build)
 * and BM25 alone (for search).
 */
public final class KnowledgeBenchmark {

    /**
     * Wall-clock percentiles of one kind of search in milliseconds, and the process CPU time spent per
     * search (all threads, the embedding runtime's included), which a busy machine inflates far less.
     */
    public record Latency(int samples, double p50, double p95, double p99, double mean, double cpuMsPerSearch) {
    }

    /**
     * @param builtByRun  the run that built the index and measured the build figures (this one unless reused)
     * @param loadAverage the system load average (1 min) before the build and after the searches
     */
    public record Result(int documents, int passages, String builtByRun, boolean indexReused, long buildMillis,
                         @Nullable Long embedOnlyMillis, @Nullable Double buildOverEmbed, long reopenMillis, Map<String, Latency> search, double hybridP95OverBm25P95, int cpus,
                         List<Double> loadAverage) {
    }

    private static final String[] CONTEXTS = {"on a tier S cluster", "after scaling in", "during the nightly load",
        "right after an upgrade", "on a shared-data warehouse", "under a query burst", "on a single-BE dev cluster",
        "while a schema change ran"};
    private static final String[] REGIONS = {"us-west-2", "us-east-1", "eu-central-1", "ap-southeast-1", "eastus",
        "us-central1"};
    private static final String[] VERSIONS = {"3.1.14", "3.2.11", "3.3.2", "3.3.7", "3.4.5", "3.5.12"};
    private static final String[] EXTRA_TAGS = {"tier-s", "nightly", "upgrade", "scaling", "burst", "dev"};
    private static final LocalDateTime T0 = LocalDateTime.of(2025, 1, 1, 0, 0);
    private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

    private KnowledgeBenchmark() {
    }

    /** {@code documents} made from the starter corpus with {@code seed}. */
    public static List<KnowledgeDocument> synthesize(int documents, long seed) {
        List<KnowledgeDocument> base = new ArrayList<>();
        for (KnowledgeDocumentInput in : KnowledgeBootstrap.starterCorpus()) {
            base.add(DocumentChecks.document(DocumentChecks.newId(in), in, 1, T0, T0, "bench"));
        }
        List<KnowledgeDocument> out = new ArrayList<>(documents);
        for (int i = 0; i < documents; i++) {
            KnowledgeDocument b = base.get(i % base.size());
            if (i < base.size()) {
                out.add(b);
                continue;
            }
            Random rng = new Random(seed * 1_000_003L + i);
            List<String> paragraphs = new ArrayList<>(Arrays.asList(b.body().split("\n\n")));
            // keep the opening paragraph, shuffle the rest
            List<String> rest = new ArrayList<>(paragraphs.subList(1, paragraphs.size()));
            java.util.Collections.shuffle(rest, rng);
            String context = CONTEXTS[rng.nextInt(CONTEXTS.length)];
            String seen = "Seen %s on cluster c-%04d (%s, StarRocks %s) at %02d:00 UTC; the on-call engineer linked "
                    .formatted(context, rng.nextInt(3534), REGIONS[rng.nextInt(REGIONS.length)],
                            VERSIONS[rng.nextInt(VERSIONS.length)], rng.nextInt(24))
                    + "this note to issue " + (1000 + rng.nextInt(9000)) + ".";
            String body = paragraphs.getFirst() + "\n\n" + String.join("\n\n", rest) + "\n\n" + seen;
            List<String> tags = new ArrayList<>(b.tags());
            tags.add(EXTRA_TAGS[rng.nextInt(EXTRA_TAGS.length)]);
            out.add(new KnowledgeDocument("syn-%05d-%s".formatted(i, b.docId()), b.kind(), b.title() + " (" + context
                    + ", note " + i + ")", body, List.copyOf(tags), b.affectedVersions(), b.fixedVersions(), b.source(), 1,
                    T0, T0, "bench"));
        }
        return out;
    }

    /** How {@link #run} gets its index. */
    public enum Build {
        /** Embeds the passages alone (baseline), then builds the index: the full run. */
        WITH_BASELINE,
        /** Builds the index without the embedding-alone baseline. */
        WITHOUT_BASELINE,
        /** Searches an index an earlier run built and described in its manifest; nothing is re-measured. */
        REUSE
    }

    /**
     * What a run that built an index in a folder records next to it, so later runs can search it
     * without building it again (about 20 minutes at 10,000 documents). The corpus hash covers every
     * synthesized document, so another seed, size or starter corpus does not match.
     *
     * @param embedOnlyMillis null when the run skipped the baseline
     */
    public record Manifest(String runId, int documents, long seed, int passages, String corpusSha256, String model,
                           String chunker, String layout, long buildMillis, @Nullable Long embedOnlyMillis) {

        /** Why this manifest does not describe an index of {@code wanted}'s corpus, or null when it does. */
        @Nullable String mismatch(Manifest wanted) {
            List<String> diffs = new ArrayList<>();
            diff(diffs, "documents", documents, wanted.documents);
            diff(diffs, "seed", seed, wanted.seed);
            diff(diffs, "passages", passages, wanted.passages);
            diff(diffs, "corpus_sha256", corpusSha256, wanted.corpusSha256);
            diff(diffs, "model", model, wanted.model);
            diff(diffs, "chunker", chunker, wanted.chunker);
            diff(diffs, "layout", layout, wanted.layout);
            return diffs.isEmpty() ? null : String.join("; ", diffs);
        }

        private static void diff(List<String> diffs, String name, Object found, Object wanted) {
            if (!found.equals(wanted)) {
                diffs.add(name + " is " + found + " in the index, " + wanted + " wanted");
            }
        }
    }

    /** The manifest's file in an index folder (Lucene leaves files of other names alone). */
    public static final String MANIFEST = "bench-manifest.json";
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    /** SHA-256 of every field of the documents that reaches the index, in order. */
    static String corpusHash(List<KnowledgeDocument> docs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (KnowledgeDocument d : docs) {
                String text = String.join("\u0000", d.docId(), d.kind().name(), d.title(), d.body(),
                        String.join("\u0001", d.tags()), String.join("\u0001", d.affectedVersions()),
                        String.join("\u0001", d.fixedVersions()), String.valueOf(d.source()),
                        String.valueOf(d.revision()), String.valueOf(d.updatedAt()));
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0x1e);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The manifest of the index in {@code dir}, refused with the reason when it is missing or was built
     * from another corpus than {@code wanted} (documents, seed, corpus hash, model, chunker, layout).
     */
    static Manifest reusable(Path dir, Manifest wanted) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("cannot reuse the index in " + dir + ": it has no " + MANIFEST
                    + " (build it with a full run first)");
        }
        Manifest found;
        try {
            found = JSON.readValue(Files.readString(file), Manifest.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot reuse the index in " + dir + ": " + MANIFEST + " is unreadable ("
                    + e.getMessage() + ")", e);
        }
        String mismatch = found.mismatch(wanted);
        if (mismatch != null) {
            throw new IllegalArgumentException("cannot reuse the index in " + dir + " (built by run " + found.runId()
                    + "): it was made from another corpus: " + mismatch);
        }
        return found;
    }

    static void writeManifest(Path dir, Manifest manifest) throws IOException {
        Files.writeString(dir.resolve(MANIFEST), JSON.writeValueAsString(manifest));
    }

    /**
     * Builds an index of {@code documents} in {@code dir} (which must be empty), or with
     * {@link Build#REUSE} opens the one an earlier run built there, and times searches of
     * {@code queries}, {@code rounds} times each after two warm-up rounds.
     */
    public static Result run(Path dir, int documents, long seed, List<String> queries, int rounds, Build how,
                             String runId) {
        double loadBefore = OS.getSystemLoadAverage();
        List<KnowledgeDocument> docs = synthesize(documents, seed);
        List<String> passages = new ArrayList<>();
        for (KnowledgeDocument d : docs) {
            Chunker.chunks(d.body()).forEach(p -> passages.add(d.title() + ". " + p));
        }
        Manifest wanted = new Manifest(runId, documents, seed, passages.size(), corpusHash(docs), TextEmbedder.MODEL,
                Chunker.VERSION, KnowledgeEntries.LAYOUT, 0, null);
        // checked before the index is opened: opening an index of another model or layout empties it
        Manifest built = how == Build.REUSE ? reusable(dir, wanted) : null;
        try (TextEmbedder embedder = new TextEmbedder(2)) {
            embedder.embed("warm up the model");
            if (built == null) {
                Long embedOnly = null;
                if (how == Build.WITH_BASELINE) {
                    long e0 = System.nanoTime();
                    for (int i = 0; i < passages.size(); i += 256) {
                        embedder.embedAll(passages.subList(i, Math.min(passages.size(), i + 256)));
                    }
                    embedOnly = (System.nanoTime() - e0) / 1_000_000;
                }
                long b0 = System.nanoTime();
                try (KnowledgeIndex index = new KnowledgeIndex(FSDirectory.open(dir), embedder)) {
                    for (int i = 0; i < docs.size(); i += 256) {
                        index.upsert(docs.subList(i, Math.min(docs.size(), i + 256)));
                    }
                }
                long build = (System.nanoTime() - b0) / 1_000_000;
                built = new Manifest(runId, documents, seed, passages.size(), wanted.corpusSha256(), wanted.model(),
                        wanted.chunker(), wanted.layout(), build, embedOnly);
                writeManifest(dir, built);
            }

            long r0 = System.nanoTime();
            try (KnowledgeIndex index = new KnowledgeIndex(FSDirectory.open(dir), embedder)) {
                int indexed = index.revisions().size();
                long reopen = (System.nanoTime() - r0) / 1_000_000;
                if (indexed != documents) {
                    throw new IllegalStateException("reopened index holds " + indexed + " documents, not " + documents);
                }
                Map<String, Latency> search = time(index, embedder, queries, rounds);
                Long embedOnly = built.embedOnlyMillis();
                return new Result(documents, passages.size(), built.runId(), how == Build.REUSE, built.buildMillis(),
                        embedOnly, embedOnly == null ? null : (double) built.buildMillis() / embedOnly, reopen,
                        search, search.get("hybrid").p95() / search.get("bm25").p95(), OS.getAvailableProcessors(),
                        List.of(loadBefore, OS.getSystemLoadAverage()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One kind of timed search. A cold search first forgets the cached query vectors (untimed), so it
     * embeds its query as a first search of that text does; a warm one finds its query vector cached,
     * as a repeated search does. {@code embedding} times the query embedding alone (uncached).
     */
    private record Probe(String name, @Nullable SearchMode mode, boolean filtered, boolean warm) {
    }

    private static final List<Probe> PROBES = List.of(new Probe("bm25", SearchMode.BM25, false, false),
            new Probe("query_embedding", null, false, false),
            new Probe("vector", SearchMode.VECTOR, false, false), new Probe("hybrid", SearchMode.HYBRID, false, false),
            new Probe("hybrid_kind_version", SearchMode.HYBRID, true, false),
            new Probe("hybrid_warm", SearchMode.HYBRID, false, true));

    /**
     * Two untimed rounds of every search warm the JIT; then each query runs every kind of search in
     * turn, so background load on a shared machine falls on all kinds alike.
     */
    private static Map<String, Latency> time(KnowledgeIndex index, TextEmbedder embedder, List<String> queries,
                                             int rounds) {
        for (int r = 0; r < 2; r++) {
            for (String q : queries) {
                PROBES.forEach(p -> search(index, embedder, q, p));
            }
        }
        int samples = queries.size() * rounds;
        Map<String, double[]> millis = new LinkedHashMap<>();
        Map<String, long[]> cpu = new LinkedHashMap<>();
        PROBES.forEach(p -> {
            millis.put(p.name(), new double[samples]);
            cpu.put(p.name(), new long[1]);
        });
        int n = 0;
        for (int r = 0; r < rounds; r++) {
            for (String q : queries) {
                for (Probe p : PROBES) {
                    if (!p.warm()) {
                        embedder.clearQueryCache();
                    }
                    long c0 = processCpuNanos();
                    long t0 = System.nanoTime();
                    search(index, embedder, q, p);
                    millis.get(p.name())[n] = (System.nanoTime() - t0) / 1e6;
                    cpu.get(p.name())[0] += processCpuNanos() - c0;
                }
                n++;
            }
        }
        Map<String, Latency> out = new LinkedHashMap<>();
        for (Probe p : PROBES) {
            double[] m = millis.get(p.name());
            Arrays.sort(m);
            out.put(p.name(), new Latency(samples, percentile(m, 0.50), percentile(m, 0.95), percentile(m, 0.99),
                    Arrays.stream(m).average().orElse(0), cpu.get(p.name())[0] / 1e6 / samples));
        }
        return out;
    }

    private static void search(KnowledgeIndex index, TextEmbedder embedder, String query, Probe probe) {
        if (probe.mode() == null) {
            embedder.embed(query);
            return;
        }
        KnowledgeIndex.Filter filter = probe.filtered()
                ? new KnowledgeIndex.Filter(DocumentKind.KNOWN_BUG,
                        VersionRanges.parseQuery(VERSIONS[Math.floorMod(query.hashCode(), VERSIONS.length)]))
                : new KnowledgeIndex.Filter(null, null);
        index.search(query, probe.mode(), filter, KnowledgeService.DEFAULT_LIMIT);
    }

    private static long processCpuNanos() {
        return OS instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
