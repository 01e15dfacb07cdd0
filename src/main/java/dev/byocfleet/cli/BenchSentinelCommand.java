package dev.byocfleet.cli;

import dev.byocfleet.agents.SentinelBenchmark;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-sentinel", description = "Time a Sentinel pass over the fleet against a bare SQL read of the "
        + "same signal rows (benchmark; see bench/README.md). Leaves the store's tasks as it found them.")
final class BenchSentinelCommand implements Callable<Integer> {

    @Option(names = "--repeat", defaultValue = "5", description = "timed rounds (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--at", description = "the time the Sentinel looks from, e.g. 2026-11-29T05:00 "
            + "(default: the newest alert start in the store)")
    LocalDateTime at;

    @Option(names = "--lookback", description = "how far back a pass looks for alerts, e.g. PT24H "
            + "(default: byoc.agents.alert-lookback, 1 hour)")
    Duration lookback;

    @Option(names = "--out", description = "write the result as JSON here")
    Path out;

    @Override
    public Integer call() {
        List<String> properties = new ArrayList<>();
        if (lookback != null) {
            properties.add("--byoc.agents.alert-lookback=" + lookback);
        }
        return Cli.withStore(properties, ctx -> {
            var result = ctx.getBean(SentinelBenchmark.class).run(at, Math.max(1, repeat));
            return Cli.printJson("bench-sentinel", result, out);
        });
    }
}
