package dev.byocfleet.demo;

import dev.byocfleet.demo.FleetModel.Cluster;
import dev.byocfleet.store.Dialect;
import dev.byocfleet.store.TableWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes telemetry: for every running hour of every cluster either twelve raw 5-minute samples per
 * metric (inside the raw window, to be rolled up by the application) or the hourly snapshot row
 * those twelve samples would roll up to (older history). Written a day at a time, oldest first, so
 * the rows lie in time order as the hourly rollup would have appended them (DuckDB's zone maps then
 * skip the row groups outside a query's hours); within a day the clusters are split over worker
 * threads, each with its own connection and bulk writers. Values do not depend on the split.
 */
final class MetricsWriter {

    private static final Logger log = LoggerFactory.getLogger(MetricsWriter.class);
    static final int SAMPLES_PER_HOUR = 12;
    /** Hours written per round of the worker threads. */
    static final int BLOCK_HOURS = 24;

    private final FleetModel fleet;
    private final MetricModel model;
    private final Dialect dialect;
    private final int rawFromHour;

    MetricsWriter(FleetModel fleet, MetricModel model, Dialect dialect, int rawHours) {
        this.fleet = fleet;
        this.model = model;
        this.dialect = dialect;
        this.rawFromHour = Math.max(0, fleet.hours - rawHours);
    }

    void write(DataSource ds, int threads, Map<String, Long> counts) throws SQLException {
        String[] backfill = dialect.snapshotBackfillTable().split("\\.");
        AtomicLong snapshots = new AtomicLong();
        AtomicLong raw = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Connection> connections = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                connections.add(ds.getConnection());
            }
            for (int from = 0; from < fleet.hours; from += BLOCK_HOURS) {
                int to = Math.min(fleet.hours, from + BLOCK_HOURS);
                AtomicInteger next = new AtomicInteger();
                List<Future<?>> futures = new ArrayList<>();
                for (Connection c : connections) {
                    int blockFrom = from;
                    futures.add(pool.submit(() -> {
                        try (TableWriter snap = dialect.openWriter(c, backfill[0], backfill[1], 9);
                             TableWriter samples = dialect.openWriter(c, "metrics", "metrics_table", 6)) {
                            int i;
                            while ((i = next.getAndIncrement()) < fleet.clusters.size()) {
                                writeHours(fleet.clusters.get(i), blockFrom, to, snap, samples);
                            }
                            snapshots.addAndGet(snap.rowsWritten());
                            raw.addAndGet(samples.rowsWritten());
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                if ((to / BLOCK_HOURS) % 7 == 0 || to == fleet.hours) {
                    log.info("metrics: {}/{} hours of {} clusters, {} s", to, fleet.hours, fleet.clusters.size(),
                            (System.nanoTime() - started) / 1_000_000_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while writing metrics", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException s ? s : new SQLException(e.getCause());
        } finally {
            pool.shutdownNow();
            for (Connection c : connections) {
                c.close();
            }
        }
        counts.merge(dialect.snapshotBackfillTable() + " (direct)", snapshots.get(), Long::sum);
        counts.merge("metrics.metrics_table", raw.get(), Long::sum);
    }

    /** The cluster's rows of hours [from, to). */
    private void writeHours(Cluster c, int from, int to, TableWriter snap, TableWriter samples) throws SQLException {
        int metrics = MetricModel.COUNT;
        double[][] values = new double[SAMPLES_PER_HOUR][metrics];
        double[] column = new double[SAMPLES_PER_HOUR];
        for (int h = Math.max(from, c.createdHour); h < to; h++) {
            if (!c.runningAt(h, fleet.weekdayOfHour0)) {
                continue;
            }
            long minute0 = h * 60L;
            for (int s = 0; s < SAMPLES_PER_HOUR; s++) {
                model.sample(c, minute0 + 5L * s, values[s]);
            }
            LocalDateTime hourStart = fleet.timeOf(h);
            if (h >= rawFromHour) {
                for (int s = 0; s < SAMPLES_PER_HOUR; s++) {
                    LocalDateTime ts = hourStart.plusMinutes(5L * s);
                    for (int m = 0; m < metrics; m++) {
                        double v = values[s][m];
                        if (!Double.isNaN(v)) {
                            samples.row(ts, c.clusterId, null, MetricModel.METRICS[m].metricName(), v, ts);
                        }
                    }
                }
                continue;
            }
            for (int m = 0; m < metrics; m++) {
                if (Double.isNaN(values[0][m])) {
                    continue;
                }
                double sum = 0;
                for (int s = 0; s < SAMPLES_PER_HOUR; s++) {
                    column[s] = values[s][m];
                    sum += column[s];
                }
                double last = column[SAMPLES_PER_HOUR - 1];
                Arrays.sort(column);
                snap.row(c.clusterId, MetricModel.METRICS[m].metricName(), hourStart, sum / SAMPLES_PER_HOUR,
                        column[0], column[SAMPLES_PER_HOUR - 1], quantile(column, 0.95), last, (long) SAMPLES_PER_HOUR);
            }
        }
    }

    /** Linear interpolation between closest ranks, as DuckDB's quantile_cont computes it. */
    static double quantile(double[] sorted, double q) {
        double pos = (sorted.length - 1) * q;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
