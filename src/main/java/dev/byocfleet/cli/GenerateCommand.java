package dev.byocfleet.cli;

import dev.byocfleet.demo.DemoGenerator;
import dev.byocfleet.demo.GenerateOptions;
import dev.byocfleet.demo.Preset;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

@Command(name = "generate", description = "Generate a deterministic demo fleet into the configured store.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", defaultValue = "demo", description = "tiny, demo or seed (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--end", description = "end of the data, ISO-8601 UTC (e.g. 2026-11-29T00:00); default: the current hour. "
            + "Same preset, seed, end and scenarios give identical data.")
    String end;

    @Option(names = "--scenarios", description = "a scenario file or folder (repeatable)")
    List<Path> scenarios = new ArrayList<>();

    @Option(names = "--raw-hours", description = "hours of raw 5-minute samples before the end (default: the preset's)")
    Integer rawHours;

    @Option(names = "--replace", description = "delete the fleet already in the store first")
    boolean replace;

    @Option(names = "--report", description = "also write the report (rows per table, timing) as JSON here")
    Path report;

    @Override
    public Integer call() {
        Preset p;
        LocalDateTime endTime;
        try {
            p = Preset.parse(preset);
            endTime = end == null ? LocalDateTime.now(ZoneOffset.UTC) : LocalDateTime.parse(end);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (rawHours != null && rawHours < 0) {
            throw new ParameterException(spec.commandLine(), "--raw-hours must be 0 or more");
        }
        GenerateOptions options = new GenerateOptions(p, seed, endTime, scenarios, replace, rawHours);
        return Cli.withStore(List.of(), ctx -> {
            try {
                var result = ctx.getBean(DemoGenerator.class).generate(options);
                System.out.println(result.describe());
                if (report != null) {
                    java.nio.file.Files.writeString(report, tools.jackson.databind.json.JsonMapper.builder()
                            .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                            .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                            .build().writeValueAsString(result));
                }
                return 0;
            } catch (java.io.IOException e) {
                System.err.println("generate: cannot write the report: " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException | IllegalStateException e) {
                System.err.println("generate: " + e.getMessage());
                return 2;
            }
        });
    }
}
