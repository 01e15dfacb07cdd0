package dev.byocfleet.cli;

import dev.byocfleet.ByocFleetApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of {@code java -jar target/byoc-fleet.jar}. {@code serve} (also when no command
 * is given) runs the server; every other command starts the store without the web server, runs once
 * and exits with its status.
 */
@Command(name = "byoc-fleet", mixinStandardHelpOptions = true, version = "byoc-fleet 0.1",
        description = "Keeps a fleet of StarRocks BYOC clusters healthy.",
        subcommands = {ServeCommand.class, GenerateCommand.class, RefreshSnapshotsCommand.class, BenchRollupCommand.class,
                BenchSentinelCommand.class, LarkLoadCommand.class, LarkPullCommand.class, ScoreCommand.class, BenchKnowledgeCommand.class, EvalCommand.class,
                SecretsCommand.class})
public final class Cli implements Callable<Integer> {

    /** Returned by {@link #run} when the server keeps running after main returns. */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    @Override
    public Integer call() {
        return ServeCommand.serve(List.of());
    }

    public static int run(String[] args) {
        // One clock for every timestamp the product writes: UTC.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        if (args.length == 0 || args[0].startsWith("--") && !isHelpOrVersion(args[0])) {
            // Plain Spring arguments (--server.port=9090) mean serve, as `java -jar app.jar` always did.
            return ServeCommand.serve(List.of(args));
        }
        return new CommandLine(new Cli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    private static boolean isHelpOrVersion(String arg) {
        return arg.equals("--help") || arg.equals("--version");
    }

    /** Prints {@code result} as indented snake_case JSON and also writes it to {@code out} when given. */
    static int printJson(String command, Object result, java.nio.file.Path out) {
        String json = tools.jackson.databind.json.JsonMapper.builder()
                .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE).build()
                .writeValueAsString(result);
        System.out.println(json);
        if (out != null) {
            try {
                java.nio.file.Files.writeString(out, json);
            } catch (java.io.IOException e) {
                System.err.println(command + ": cannot write " + out + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    /** Runs {@code body} inside a context with the store but no web server, then closes it. */
    static int withStore(List<String> properties, ToIntFunction<ConfigurableApplicationContext> body) {
        List<String> args = new ArrayList<>(properties);
        // A one-shot command never generates the demo fleet on its own.
        args.add("--byoc.demo.preset=none");
        args.add("--byoc.metrics.refresh-enabled=false");
        // nor scores or back-tests in the background while it runs (a store being generated is incomplete)
        args.add("--byoc.health.schedule-enabled=false");
        args.add("--byoc.analysis.schedule-enabled=false");
        // nor runs the Sentinel, the Investigator, the Patrol or the issue jobs against it (they would
        // write to the store and load the cores while a command is being timed)
        args.add("--byoc.agents.schedule-enabled=false");
        args.add("--byoc.issues.schedule-enabled=false");
        // one statement at a time: every core for it, unless the operator chose otherwise
        if (System.getenv("BYOC_DUCKDB_THREADS") == null
                && args.stream().noneMatch(a -> a.startsWith("--byoc.store.duckdb-threads="))) {
            args.add("--byoc.store.duckdb-threads=" + Runtime.getRuntime().availableProcessors());
        }
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(ByocFleetApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new))) {
            return body.applyAsInt(ctx);
        }
    }
}
