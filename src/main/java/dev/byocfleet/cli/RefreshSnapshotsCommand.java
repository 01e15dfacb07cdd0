package dev.byocfleet.cli;

import dev.byocfleet.metrics.HourlySnapshotRefresher;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "refresh-snapshots",
        description = "Refresh the hourly snapshots from raw samples (incremental unless --full).")
final class RefreshSnapshotsCommand implements Callable<Integer> {

    @Option(names = "--full", description = "Recompute every hour that has raw samples.")
    boolean full;

    @Override
    public Integer call() {
        return Cli.withStore(List.of(), ctx -> {
            var result = ctx.getBean(HourlySnapshotRefresher.class).refresh(full);
            System.out.println(result.describe());
            return 0;
        });
    }
}
