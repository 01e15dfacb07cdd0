package dev.byocfleet.cli;

import dev.byocfleet.agents.EvalReport;
import dev.byocfleet.agents.EvalRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", description = "Score the Investigator offline over a folder of case directories and scenario "
        + "files (docs/eval-cases.md). Replaces the configured store's fleet: point BYOC_DATA_DIR at a scratch folder.")
final class EvalCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "a folder of case directories (case.yaml ...) and scenario files")
    Path dir;

    @Option(names = "--out", description = "write the JSON result here (the Markdown table goes beside it as .md)")
    Path out;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            System.err.println("eval: " + dir + " is not a folder");
            return 2;
        }
        return Cli.withStore(List.of("--byoc.agents.schedule-enabled=false", "--byoc.knowledge.index-dir=memory"), ctx -> {
            EvalReport report = ctx.getBean(EvalRunner.class).run(dir.toAbsolutePath());
            int code = Cli.printJson("eval", report, out);
            System.out.println(report.markdown());
            if (out != null) {
                try {
                    Files.writeString(Path.of(out + ".md"), report.markdown());
                } catch (java.io.IOException e) {
                    System.err.println("eval: cannot write " + out + ".md: " + e.getMessage());
                    return 1;
                }
            }
            return code;
        });
    }
}
