package dev.byocfleet.cli;

import dev.byocfleet.risk.ScoringBenchmark;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "score", description = "Score the whole fleet as of the newest snapshot hour (health, risk, and with "
        + "--forecast capacity forecasts), timed against bare aggregations of the same snapshot rows "
        + "(benchmark; see bench/README.md). Fills the recent score history first.")
final class ScoreCommand implements Callable<Integer> {

    @Option(names = "--forecast", description = "also forecast every capacity series")
    boolean forecast;

    @Option(names = "--backtest", description = "also back-test the forecaster once")
    boolean backtest;

    @Option(names = "--reset", description = "delete stored scores, risk snapshots, forecasts and back-tests first, "
            + "so the history is scored afresh (and timed)")
    boolean reset;

    @Option(names = "--repeat", defaultValue = "3", description = "timed rounds (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--only", defaultValue = "both", description = "both (default), pass (scoring, forecasts, risk) or "
            + "bare (the baseline aggregations): one side alone, so its peak memory can be measured in its own process")
    ScoringBenchmark.Steps only;

    @Option(names = "--out", description = "write the result as JSON here")
    Path out;

    @Override
    public Integer call() {
        return Cli.withStore(List.of(), ctx -> {
            var result = ctx.getBean(ScoringBenchmark.class).run(Math.max(1, repeat), forecast, backtest, reset,
                    only);
            return Cli.printJson("score", result, out);
        });
    }
}
