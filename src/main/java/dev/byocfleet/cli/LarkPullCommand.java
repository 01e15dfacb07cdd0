package dev.byocfleet.cli;

import dev.byocfleet.ingest.lark.IngestRun;
import dev.byocfleet.ingest.lark.IsoTimes;
import dev.byocfleet.ingest.lark.LarkPipeline;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "lark-pull", description = "Run the Lark pipeline once over [from, to) (default: the previous UTC day) "
        + "with LARK_APP_ID, LARK_APP_SECRET and LARK_ALERT_CHAT_ID. Exit 0: succeeded; 1: the run failed; 2: cannot run.")
final class LarkPullCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", description = "start, ISO-8601 (2026-11-28T00:00:00Z, 2026-11-28T00:00 as UTC, or 2026-11-28)")
    String from;

    @Option(names = "--to", description = "end (exclusive), same forms")
    String to;

    @Override
    public Integer call() {
        Instant start;
        Instant end;
        try {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            start = from == null ? today.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() : IsoTimes.parse(from);
            end = to == null ? today.atStartOfDay(ZoneOffset.UTC).toInstant() : IsoTimes.parse(to);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return Cli.withStore(List.of(), ctx -> {
            try {
                IngestRun run = ctx.getBean(LarkPipeline.class).run(start, end, "cli");
                System.out.printf("lark-pull %s [%s, %s): %d page(s), %d message(s); %d alert(s) inserted, %d duplicate(s), "
                                + "%d unparsed, %d unmapped; run %s%n", run.status(), run.windowFrom(), run.windowTo(),
                        run.pages(), run.messages(), run.alertsInserted(), run.duplicates(), run.unparsed(), run.unmapped(),
                        run.runId());
                if (run.error() != null) {
                    System.err.println("lark-pull: " + run.error());
                }
                return "succeeded".equals(run.status()) ? 0 : 1;
            } catch (IllegalArgumentException | LarkPipeline.CannotRun e) {
                System.err.println("lark-pull: " + e.getMessage());
                return 2;
            }
        });
    }
}
