package dev.byocfleet.cli;

import dev.byocfleet.metrics.RollupBenchmark;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-rollup", description = "Time a full hourly-snapshot refresh against a bare GROUP BY of "
        + "the same raw rows (benchmark; see bench/README.md).")
final class BenchRollupCommand implements Callable<Integer> {

    @Option(names = "--repeat", defaultValue = "3", description = "timed rounds (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--out", description = "write the result as JSON here")
    Path out;

    @Override
    public Integer call() {
        return Cli.withStore(List.of(), ctx -> {
            var result = ctx.getBean(RollupBenchmark.class).run(Math.max(1, repeat));
            return Cli.printJson("bench-rollup", result, out);
        });
    }
}
