package dev.byocfleet.agents;

import dev.byocfleet.demo.DemoGenerator;
import dev.byocfleet.demo.GenerateOptions;
import dev.byocfleet.demo.Preset;
import dev.byocfleet.health.HealthService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Scores the Investigator offline over a folder of case directories (see docs/eval-cases.md) and
 * scenario files. Each case is put into a {@code tiny} background fleet, then the Sentinel and the
 * Investigator run as of the case's time through the same code as the server; when the Sentinel
 * raises no task for the case's cluster the outcome is {@code no_incident}.
 */
@Service
public class EvalRunner {

    static final long SEED = 42;
    private static final Logger log = LoggerFactory.getLogger(EvalRunner.class);

    private final DemoGenerator generator;
    private final HealthService health;
    private final Sentinel sentinel;
    private final Investigator investigator;
    private final EvalCases cases;
    private final EvalRepository repository;
    private final AgentsProperties props;
    private @Nullable LocalDateTime backgroundEnd;

    EvalRunner(DemoGenerator generator, HealthService health, Sentinel sentinel, Investigator investigator,
               EvalCases cases, EvalRepository repository, AgentsProperties props) {
        this.generator = generator;
        this.health = health;
        this.sentinel = sentinel;
        this.investigator = investigator;
        this.cases = cases;
        this.repository = repository;
        this.props = props;
    }

    public EvalReport run(Path dir) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        LocalDateTime runStart = LocalDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(1);
        List<EvalReport.Row> rows = new ArrayList<>();
        for (Path p : entries) {
            if (Files.isDirectory(p) && Files.exists(p.resolve("case.yaml"))) {
                rows.add(runCase(p));
            } else if (Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.ya?ml")) {
                rows.addAll(runScenario(p));
            }
        }
        EvalRepository.ModelUsage used = repository.investigatorUsageSince(runStart);
        return EvalScore.of(investigator.mode(), rows, used.tokens(), used.costUsd());
    }

    private EvalReport.Row runCase(Path dir) {
        long started = System.nanoTime();
        String id = dir.getFileName().toString();
        EvalCases.Case c;
        try {
            c = cases.read(dir);
        } catch (RuntimeException e) {
            return EvalScore.failed(id, "case", "?", e.getMessage(), started);
        }
        background(c.at().truncatedTo(ChronoUnit.HOURS).plusHours(1));
        List<String> runs = new ArrayList<>();
        try {
            runs.addAll(cases.load(c, dir));
            return evaluate(id, "case", c.cluster().id(), c.at(), c.expected(), c.mustMention(), started);
        } catch (RuntimeException e) {
            log.warn("eval case {} failed", id, e);
            return EvalScore.failed(id, "case", c.expected(), e.getMessage(), started);
        } finally {
            repository.removeCase(c.cluster().id(), c.cluster().orgId(), runs);
            cases.invalidateDirectory();
        }
    }

    private List<EvalReport.Row> runScenario(Path file) {
        List<EvalReport.Row> rows = new ArrayList<>();
        LocalDateTime end = EvalCases.SCENARIO_END;
        generator.generate(new GenerateOptions(Preset.TINY, SEED, end, List.of(file), true, null));
        backgroundEnd = null;
        for (EvalCases.Incident inc : cases.groundTruth()) {
            long started = System.nanoTime();
            String id = file.getFileName() + "#" + inc.scenarioId();
            try {
                rows.add(evaluate(id, "scenario", inc.clusterId(), inc.at(), inc.kind(), List.of(), started));
            } catch (RuntimeException e) {
                rows.add(EvalScore.failed(id, "scenario", inc.kind(), e.getMessage(), started));
            } finally {
                repository.clearAgentOutput();
            }
        }
        return rows;
    }

    private EvalReport.Row evaluate(String id, String kind, String clusterId, LocalDateTime at, String expected,
                                    List<String> mustMention, long started) {
        LocalDateTime hour = at.truncatedTo(ChronoUnit.HOURS);
        repository.clearAgentOutput();
        health.scoreFleet(hour.minusHours(props.cliffWindowHours()));
        health.recompute(hour);
        sentinel.run(at);
        List<Investigation> done = investigator.runPending(at, 1, clusterId);
        Investigation inv = done.isEmpty() ? null : done.getFirst();
        return EvalScore.row(id, kind, expected, mustMention, inv, started);
    }

    /** The tiny background fleet ending at {@code end}, generated once per end time. */
    private void background(LocalDateTime end) {
        if (end.equals(backgroundEnd)) {
            return;
        }
        generator.generate(new GenerateOptions(Preset.TINY, SEED, end, List.of(), true, null));
        backgroundEnd = end;
    }
}
