package dev.byocfleet.knowledge;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.store.FSDirectory;

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
     * @param loadAverage the system load average (1 min) before the build and after the searches
     */
    public record Result(int documents, int passages, long buildMillis, long embedOnlyMillis, double buildOverEmbed,
                         long reopenMillis, Map<String, Latency> search, double hybridP95OverBm25P95, int cpus,
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

    /**
     * Builds an index of {@code documents} in {@code dir} (which must be empty) and times searches of
     * {@code queries}, {@code rounds} times each after two warm-up rounds.
     */
    public static Result run(Path dir, int documents, long seed, List<String> queries, int rounds) {
        double loadBefore = OS.getSystemLoadAverage();
        List<KnowledgeDocument> docs = synthesize(documents, seed);
        List<String> passages = new ArrayList<>();
        for (KnowledgeDocument d : docs) {
            Chunker.chunks(d.body()).forEach(p -> passages.add(d.title() + ". " + p));
        }
        try (TextEmbedder embedder = new TextEmbedder(2)) {
            embedder.embed("warm up the model");
            long e0 = System.nanoTime();
            for (int i = 0; i < passages.size(); i += 256) {
                embedder.embedAll(passages.subList(i, Math.min(passages.size(), i + 256)));
            }
            long embedOnly = (System.nanoTime() - e0) / 1_000_000;

            long b0 = System.nanoTime();
            try (KnowledgeIndex index = new KnowledgeIndex(FSDirectory.open(dir), embedder)) {
                for (int i = 0; i < docs.size(); i += 256) {
                    index.upsert(docs.subList(i, Math.min(docs.size(), i + 256)));
                }
            }
            long build = (System.nanoTime() - b0) / 1_000_000;

            long r0 = System.nanoTime();
            try (KnowledgeIndex index = new KnowledgeIndex(FSDirectory.open(dir), embedder)) {
                int indexed = index.revisions().size();
                long reopen = (System.nanoTime() - r0) / 1_000_000;
                if (indexed != documents) {
                    throw new IllegalStateException("reopened index holds " + indexed + " documents, not " + documents);
                }
                Map<String, Latency> search = time(index, queries, rounds);
                return new Result(documents, passages.size(), build, embedOnly, (double) build / embedOnly, reopen,
                        search, search.get("hybrid").p95() / search.get("bm25").p95(), OS.getAvailableProcessors(),
                        List.of(loadBefore, OS.getSystemLoadAverage()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Probe(String name, SearchMode mode, boolean filtered) {
    }

    private static final List<Probe> PROBES = List.of(new Probe("bm25", SearchMode.BM25, false),
            new Probe("vector", SearchMode.VECTOR, false), new Probe("hybrid", SearchMode.HYBRID, false),
            new Probe("hybrid_kind_version", SearchMode.HYBRID, true));

    /**
     * Two untimed rounds of every search warm the JIT; then each query runs every kind of search in
     * turn, so background load on a shared machine falls on all kinds alike.
     */
    private static Map<String, Latency> time(KnowledgeIndex index, List<String> queries, int rounds) {
        for (int r = 0; r < 2; r++) {
            for (String q : queries) {
                PROBES.forEach(p -> search(index, q, p));
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
                    long c0 = processCpuNanos();
                    long t0 = System.nanoTime();
                    search(index, q, p);
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

    private static void search(KnowledgeIndex index, String query, Probe probe) {
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
