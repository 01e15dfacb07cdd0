package dev.byocfleet.cli;

import dev.byocfleet.ingest.lark.LarkLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "lark-load", description = "Load saved im_v1_message_list MCP results (a file or a folder of "
        + ".json/.jsonl files) into lark_alerts, deduplicated. Exit 0: all read; 1: some files or results could not be read.")
final class LarkLoadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", description = "a saved result file or a folder of them")
    Path path;

    @Override
    public Integer call() {
        return Cli.withStore(List.of(), ctx -> {
            LarkLoader.LoadReport report = ctx.getBean(LarkLoader.class).load(path.toAbsolutePath(), "cli");
            var run = report.run();
            System.out.printf("lark-load %s: %d file(s), %d page(s), %d message(s); %d alert(s) loaded, %d duplicate(s), "
                            + "%d unparsed, %d unmapped; run %s%n", run.status(), report.files(), run.pages(),
                    run.messages(), run.alertsInserted(), run.duplicates(), run.unparsed(), run.unmapped(), run.runId());
            report.problems().forEach(p -> System.err.println("  " + p.file() + ": " + p.reason()));
            return report.problems().isEmpty() ? 0 : 1;
        });
    }
}
