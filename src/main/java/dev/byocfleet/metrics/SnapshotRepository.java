package dev.byocfleet.metrics;

import dev.byocfleet.store.Dialect;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the hourly rollup: raw samples in {@code metrics_table} to {@code amv_hourly_snapshots_v1}. */
@Repository
class SnapshotRepository {

    static final String ROLLUP = "hourly";

    private final JdbcClient jdbc;
    private final Dialect dialect;

    SnapshotRepository(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    Optional<LocalDateTime> watermark() {
        return jdbc.sql("SELECT watermark FROM metrics.rollup_state WHERE rollup_name = :name")
                .param("name", ROLLUP)
                .query(LocalDateTime.class)
                .optional();
    }

    Optional<LocalDateTime> newestIngest() {
        return Optional.ofNullable(jdbc.sql("SELECT max(ingested_at) FROM metrics.metrics_table")
                .query(LocalDateTime.class).single());
    }

    /** (cluster, hour) pairs that received samples in (from, to]; from null means all. */
    private static String dirtyPairs() {
        return """
                SELECT DISTINCT cluster_id, date_trunc('hour', ts) AS snapshot_hour
                FROM metrics.metrics_table
                WHERE ingested_at > :from AND ingested_at <= :to""";
    }

    /** How many hours received samples in (from, to], and the first and last of them (null when none). */
    record DirtyHours(int count, LocalDateTime first, LocalDateTime last) {
    }

    DirtyHours dirtyHours(LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("SELECT count(DISTINCT snapshot_hour), min(snapshot_hour), max(snapshot_hour) FROM ("
                        + dirtyPairs() + ") d")
                .param("from", from).param("to", to)
                .query((rs, n) -> new DirtyHours(rs.getInt(1), rs.getObject(2, LocalDateTime.class),
                        rs.getObject(3, LocalDateTime.class)))
                .single();
    }

    int deleteSnapshots(LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("""
                DELETE FROM metrics.amv_hourly_snapshots_v1 s
                WHERE EXISTS (SELECT 1 FROM (%s) d
                              WHERE d.cluster_id = s.cluster_id AND d.snapshot_hour = s.snapshot_hour)"""
                        .formatted(dirtyPairs()))
                .param("from", from).param("to", to)
                .update();
    }

    int insertSnapshots(LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("""
                INSERT INTO metrics.amv_hourly_snapshots_v1
                  (cluster_id, metric_name, snapshot_hour, avg_value, min_value, max_value, p95_value,
                   last_value, sample_count)
                SELECT m.cluster_id, m.metric_name, date_trunc('hour', m.ts),
                       avg(m.value), min(m.value), max(m.value), %s, max_by(m.value, m.ts), count(*)
                FROM metrics.metrics_table m
                JOIN (%s) d ON d.cluster_id = m.cluster_id AND d.snapshot_hour = date_trunc('hour', m.ts)
                GROUP BY m.cluster_id, m.metric_name, date_trunc('hour', m.ts)"""
                        .formatted(dialect.percentile("m.value", 0.95), dirtyPairs()))
                .param("from", from).param("to", to)
                .update();
    }

    void saveState(LocalDateTime watermark, LocalDateTime refreshedAt, int hours, long rows) {
        jdbc.sql(dialect.upsert("metrics.rollup_state",
                        java.util.List.of("rollup_name", "watermark", "refreshed_at", "hours_refreshed", "rows_written"),
                        java.util.List.of("rollup_name")))
                .params(ROLLUP, watermark, refreshedAt, hours, rows)
                .update();
    }

    /**
     * The baseline of the rollup benchmark: the same aggregates over every raw row with a bare
     * GROUP BY into a scratch table, no bookkeeping. Returns the rows it produced.
     */
    long bareGroupByIntoScratch() {
        jdbc.sql("DROP TABLE IF EXISTS metrics.bench_rollup_scratch").update();
        jdbc.sql("""
                CREATE TABLE metrics.bench_rollup_scratch AS
                SELECT cluster_id, metric_name, date_trunc('hour', ts) AS snapshot_hour,
                       avg(value) AS avg_value, min(value) AS min_value, max(value) AS max_value,
                       %s AS p95_value, max_by(value, ts) AS last_value, count(*) AS sample_count
                FROM metrics.metrics_table
                GROUP BY cluster_id, metric_name, date_trunc('hour', ts)""".formatted(dialect.percentile("value", 0.95)))
                .update();
        long rows = jdbc.sql("SELECT count(*) FROM metrics.bench_rollup_scratch").query(Long.class).single();
        jdbc.sql("DROP TABLE metrics.bench_rollup_scratch").update();
        return rows;
    }

    long rawRows() {
        return jdbc.sql("SELECT count(*) FROM metrics.metrics_table").query(Long.class).single();
    }

    void runStoreManagedRefresh(String sql) {
        jdbc.sql(sql).update();
    }
}
