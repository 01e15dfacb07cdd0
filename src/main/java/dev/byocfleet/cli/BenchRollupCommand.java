package dev.byocfleet.cli;

import dev.byocfleet.metrics.RollupBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

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
            String json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                    .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE).build()
                    .writeValueAsString(result);
            System.out.println(json);
            if (out != null) {
                try {
                    Files.writeString(out, json);
                } catch (java.io.IOException e) {
                    System.err.println("bench-rollup: cannot write " + out + ": " + e.getMessage());
                    return 1;
                }
            }
            return 0;
        });
    }
}
