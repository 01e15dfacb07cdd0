package dev.byocfleet.risk;

import dev.byocfleet.store.RecordRows;
import dev.byocfleet.store.BulkInsert;
import dev.byocfleet.store.Dialect;
import dev.byocfleet.store.JsonColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hourly risk snapshots in {@code alerts.cluster_risk_snapshots} and the fleet views over them. */
@Repository
class RiskRepository {

    /** What the factors column holds. */
    record StoredFactors(double tierMultiplier, List<RiskFactor> factors) {
    }

    record ClusterFacts(String clusterId, @Nullable String tier, @Nullable String clusterState) {
    }

    /** Risk snapshots of one hour counted by level and the dimensions they are broken down by. */
    record LevelGroup(String riskLevel, @Nullable String tier, @Nullable String region, @Nullable String clusterVersion,
                      @Nullable String clusterType, int clusters) {
    }

    record CriticalRow(RiskAssessment risk, @Nullable String clusterName, @Nullable String customerName,
                       @Nullable String region, @Nullable String clusterType, @Nullable String clusterVersion) {
    }

    private static final String RISK_COLUMNS = """
            r.cluster_id, r.snapshot_hour, r.risk_level, r.risk_score, r.health_score, r.health_trend_24h,
            r.nearest_breach_at, r.nearest_breach_metric, r.open_critical_issues, r.tier,
            CAST(r.factors AS VARCHAR) AS factors""";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Dialect dialect;

    RiskRepository(JdbcClient jdbc, DataSource dataSource, Dialect dialect) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    List<ClusterFacts> clusterFacts() {
        return jdbc.sql("""
                SELECT c.cluster_id, p.tier, c.cluster_state
                FROM byoc.cluster c
                LEFT JOIN byoc.account a ON a.account_id = c.account_id
                LEFT JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id""")
                // by position: the reflective record mapper converts every value through a conversion service
                .query((rs, i) -> new ClusterFacts(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Replaces the snapshots of {@code hour} and deletes those of hours before {@code keepSince} (call inside a transaction). */
    long replace(LocalDateTime hour, List<RiskAssessment> assessments, LocalDateTime keepSince) {
        jdbc.sql("DELETE FROM alerts.cluster_risk_snapshots WHERE snapshot_hour = :h").param("h", hour).update();
        jdbc.sql("DELETE FROM alerts.cluster_risk_snapshots WHERE snapshot_hour < :keep").param("keep", keepSince).update();
        // the factors' JSON is most of a row's cost: written on every core, in the assessments' order
        List<Object[]> rows = assessments.parallelStream().map(a -> new Object[] {a.clusterId(), a.snapshotHour(),
                a.riskLevel(), a.riskScore(), a.healthScore(), a.healthTrend24h(), a.nearestBreachAt(),
                a.nearestBreachMetric(), a.openCriticalIssues(), a.tier(),
                JsonColumns.write(new StoredFactors(a.tierMultiplier(), a.factors()))}).toList();
        return BulkInsert.rows(dataSource, dialect, "alerts", "cluster_risk_snapshots", 11, rows);
    }

    Optional<LocalDateTime> latestHour() {
        return jdbc.sql("SELECT max(snapshot_hour) FROM alerts.cluster_risk_snapshots").query(LocalDateTime.class).optional();
    }

    List<LevelGroup> levelGroups(LocalDateTime hour) {
        return jdbc.sql("""
                SELECT r.risk_level, r.tier, c.region, c.cluster_version, c.cluster_type, count(*) AS clusters
                FROM alerts.cluster_risk_snapshots r
                LEFT JOIN byoc.cluster c ON c.cluster_id = r.cluster_id
                WHERE r.snapshot_hour = :h
                GROUP BY r.risk_level, r.tier, c.region, c.cluster_version, c.cluster_type""")
                .param("h", hour).query(RecordRows.of(LevelGroup.class)).list();
    }

    /** Snapshots of {@code hour} at the given levels (and tier), riskiest first. */
    List<CriticalRow> atLevels(LocalDateTime hour, List<String> levels, @Nullable String tier, int limit) {
        String byTier = tier == null ? "" : " AND r.tier = :tier";
        var spec = jdbc.sql("SELECT " + RISK_COLUMNS + """
                        , c.cluster_name, p.customer_name, c.region, c.cluster_type, c.cluster_version
                        FROM alerts.cluster_risk_snapshots r
                        LEFT JOIN byoc.cluster c ON c.cluster_id = r.cluster_id
                        LEFT JOIN byoc.account a ON a.account_id = c.account_id
                        LEFT JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id
                        WHERE r.snapshot_hour = :h AND r.risk_level IN (:levels)""" + byTier + """

                        ORDER BY r.risk_score DESC, r.cluster_id
                        LIMIT :limit""")
                .param("h", hour).param("levels", levels).param("limit", limit);
        if (tier != null) {
            spec = spec.param("tier", tier);
        }
        return spec.query((rs, i) -> new CriticalRow(assessment(rs, i), rs.getString("cluster_name"),
                rs.getString("customer_name"), rs.getString("region"), rs.getString("cluster_type"),
                rs.getString("cluster_version"))).list();
    }

    /** The newest snapshot of one cluster. */
    Optional<RiskAssessment> latest(String clusterId) {
        return jdbc.sql("SELECT " + RISK_COLUMNS + """
                         FROM alerts.cluster_risk_snapshots r
                        WHERE r.cluster_id = :id AND r.snapshot_hour = (
                          SELECT max(snapshot_hour) FROM alerts.cluster_risk_snapshots WHERE cluster_id = :id)""")
                .param("id", clusterId).query(RiskRepository::assessment).optional();
    }

    boolean clusterExists(String clusterId) {
        return jdbc.sql("SELECT count(*) FROM byoc.cluster WHERE cluster_id = :id").param("id", clusterId)
                .query(Long.class).single() > 0;
    }

    private static RiskAssessment assessment(ResultSet rs, int row) throws SQLException {
        StoredFactors f = JsonColumns.read(rs.getString("factors"), StoredFactors.class);
        return new RiskAssessment(rs.getString("cluster_id"), rs.getObject("snapshot_hour", LocalDateTime.class),
                rs.getString("risk_level"), rs.getDouble("risk_score"), (Double) rs.getObject("health_score"),
                (Double) rs.getObject("health_trend_24h"), rs.getObject("nearest_breach_at", LocalDateTime.class),
                rs.getString("nearest_breach_metric"), rs.getInt("open_critical_issues"), rs.getString("tier"),
                f.tierMultiplier(), f.factors());
    }
}
