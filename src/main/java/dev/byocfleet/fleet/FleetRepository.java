package dev.byocfleet.fleet;

import dev.byocfleet.store.RecordRows;
import dev.byocfleet.directory.FleetDirectory;
import dev.byocfleet.fleet.ClusterDetail.ActionInfo;
import dev.byocfleet.fleet.ClusterDetail.ClusterInfo;
import dev.byocfleet.fleet.ClusterDetail.MetricReading;
import dev.byocfleet.fleet.ClusterDetail.NodeInfo;
import dev.byocfleet.fleet.ClusterDetail.OrganizationInfo;
import dev.byocfleet.fleet.ClusterDetail.ResourceInfo;
import dev.byocfleet.fleet.ClusterDetail.StateChange;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the {@code byoc} control-plane tables with the customer profile and the hourly snapshots.
 * Every query is portable SQL, set-based (never one query per cluster), and binds every value.
 */
@Repository
class FleetRepository {

    private static final String LIVE_NODE = FleetDirectory.LIVE_NODE;
    /** The order of a cluster's nodes in its detail: live ones first. */
    private static final String NODE_ORDER = "CASE WHEN " + LIVE_NODE + " THEN 0 ELSE 1 END, node_type, node_id";
    private static final String RESOURCE_ORDER = "resource_type, created_at, resource_id";
    private static final String ACTION_ORDER = "CASE WHEN started_at IS NULL THEN 1 ELSE 0 END, started_at DESC, action_id DESC";
    private static final String STATE_ORDER = "changed_at DESC";

    /** A cluster with its account, organization and customer profile (aliases c, a, o, p). */
    private static final String CLUSTER_FROM = """
            FROM byoc.cluster c
            LEFT JOIN byoc.account a ON a.account_id = c.account_id
            LEFT JOIN byoc.organization o ON o.org_id = a.org_id
            LEFT JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id
            """;

    record BillWeeks(BigDecimal ccuThisWeek, BigDecimal ccuLastWeek, BigDecimal ccuLastWeekToDate,
                     BigDecimal usdThisWeek) {
    }

    /** Per cluster with recent bills, their CCU; {@code zero} for the others. */
    record RecentCcu(Map<String, BigDecimal> byCluster, BigDecimal zero) {
    }

    record BillVersion(long billRows, @Nullable LocalDate newestDate) {
    }

    record SnapshotVersion(Rows rows, List<DictionaryEntry> dictionary) {

        record Rows(long snapshotRows, @Nullable LocalDateTime newestHour, long rollups,
                    @Nullable LocalDateTime lastRefresh, @Nullable LocalDateTime watermark) {
        }

        record DictionaryEntry(String metricName, @Nullable String category, @Nullable String unit,
                               @Nullable String direction, @Nullable Double warnThreshold,
                               @Nullable Double critThreshold) {
        }
    }

    /** One metric reading of one cluster. */
    record ClusterReading(String clusterId, MetricReading reading) {
    }

    private final JdbcClient jdbc;

    FleetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The tables the cluster detail shows, each with every column it shows: what a fingerprint of
     * {@link #detailTables} covers ({@link FleetDirectory#fingerprint}).
     */
    static final Map<String, List<String>> DETAIL_COLUMNS = Map.of(
            "byoc.cluster", RecordRows.columnNames(ClusterInfo.class),
            "byoc.cluster_resource", RecordRows.columnNames(ResourceInfo.class),
            "byoc.node", RecordRows.columnNames(NodeInfo.class),
            "byoc.cluster_action", RecordRows.columnNames(ActionInfo.class),
            "byoc.cluster_state_history", RecordRows.columnNames(StateChange.class));

    /** What the summary reads from the store besides the directory: the bills' version and the newest snapshot hour. */
    record SummaryFacts(BillVersion bills, @Nullable LocalDateTime newestSnapshotHour) {
    }

    SummaryFacts summaryFacts() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM byoc.bill_detail) AS bill_rows,
                       (SELECT max(bill_date) FROM byoc.bill_detail) AS newest_date,
                       (SELECT max(snapshot_hour) FROM metrics.amv_hourly_snapshots_v1) AS newest_hour""")
                .query((rs, i) -> new SummaryFacts(new BillVersion(rs.getLong("bill_rows"),
                        rs.getObject("newest_date", LocalDate.class)), rs.getObject("newest_hour", LocalDateTime.class)))
                .single();
    }

    /** The newest hour that has bills. */
    Optional<LocalDateTime> newestBillHour() {
        return jdbc.sql("""
                SELECT bill_date, max(bill_hour) AS bill_hour
                FROM byoc.bill_detail
                WHERE bill_date = (SELECT max(bill_date) FROM byoc.bill_detail)
                GROUP BY bill_date""")
                .query((rs, i) -> rs.getObject("bill_date", LocalDate.class).atStartOfDay()
                        .plusHours(rs.getInt("bill_hour")))
                .optional();
    }

    /** CCU and cost from {@code weekStart} on, and CCU of the seven days before it. */
    /** This week's bills, last week's, and last week's up to the same hour as the newest bill this week. */
    BillWeeks billWeeks(LocalDate weekStart, LocalDateTime newestBillHour) {
        LocalDateTime cut = newestBillHour.minusWeeks(1);
        return jdbc.sql("""
                SELECT coalesce(sum(CASE WHEN bill_date >= :weekStart THEN ccu_usage END), 0) AS ccu_this_week,
                       coalesce(sum(CASE WHEN bill_date < :weekStart THEN ccu_usage END), 0) AS ccu_last_week,
                       coalesce(sum(CASE WHEN bill_date < :weekStart
                                          AND (bill_date < :cutDate OR (bill_date = :cutDate AND bill_hour <= :cutHour))
                                         THEN ccu_usage END), 0) AS ccu_last_week_to_date,
                       coalesce(sum(CASE WHEN bill_date >= :weekStart THEN usd_cost END), 0) AS usd_this_week
                FROM byoc.bill_detail
                WHERE bill_date >= :lastWeekStart""")
                .param("weekStart", weekStart)
                .param("lastWeekStart", weekStart.minusWeeks(1))
                .param("cutDate", cut.toLocalDate())
                .param("cutHour", cut.getHour())
                .query(RecordRows.of(BillWeeks.class)).single();
    }

    Optional<LocalDateTime> newestSnapshotHour() {
        // max() of no rows is one row holding NULL, which optional() reads as empty
        return jdbc.sql("SELECT max(snapshot_hour) FROM metrics.amv_hourly_snapshots_v1")
                .query(LocalDateTime.class).optional();
    }

    /** How many clusters a list query matches, and the bills' version ({@link #billVersion}) read with it. */
    record ClusterCount(long total, BillVersion bills) {
    }

    /** The list's count and the bills' version in one statement (the list needs both on every page). */
    ClusterCount countClusters(ClusterQuery query) {
        ClusterFilter filter = ClusterFilter.of(query);
        // the joins are on primary keys: they never change which clusters match, so only a filter that reads them needs them
        return jdbc.sql("SELECT count(*) AS total, (SELECT count(*) FROM byoc.bill_detail) AS bill_rows, "
                        + "(SELECT max(bill_date) FROM byoc.bill_detail) AS newest_date "
                        + clusterFrom(filter.needsJoins()) + filter.where())
                .params(filter.params())
                .query((rs, i) -> new ClusterCount(rs.getLong("total"),
                        new BillVersion(rs.getLong("bill_rows"), rs.getObject("newest_date", LocalDate.class))))
                .single();
    }

    /**
     * One page of clusters with live node counts, in the order of the query's sort field, which must
     * not be {@code ccu_7d} (the CCU comes from {@link #recentCcu}; {@code ccu7d} is left null here).
     * The sort expression comes from a fixed switch, never from the request text. (Choosing the
     * page's ids first and counting only their nodes was measured: a third query per page cost
     * more than it saved over the 23,000 nodes of the seed fleet.)
     */
    List<ClusterListItem> findClusters(ClusterQuery query) {
        ClusterFilter filter = ClusterFilter.of(query);
        String sort = sortExpression(query.sort());
        String direction = query.descending() ? "DESC" : "ASC";
        Map<String, Object> params = new HashMap<>(filter.params());
        params.put("limit", query.size());
        params.put("offset", query.offset());
        // Nulls last in both directions, the same on every store; cluster_id keeps pages stable.
        String order = """

                ORDER BY CASE WHEN %1$s IS NULL THEN 1 ELSE 0 END, %1$s %2$s, c.cluster_id
                LIMIT :limit OFFSET :offset""".formatted(sort, direction);
        return clusterRows(filter.where() + order, params, "");
    }

    /** The clusters with their account, organization and profile, or the cluster table alone when nothing reads those. */
    private static String clusterFrom(boolean joins) {
        return joins ? CLUSTER_FROM : "FROM byoc.cluster c\n";
    }

    /** The SQL expression of a sort field over the list's aliases; the CCU order is not known to the store. */
    static String sortExpression(ClusterQuery.SortField field) {
        return switch (field) {
            case CLUSTER_NAME -> "c.cluster_name";
            case CLUSTER_STATE -> "c.cluster_state";
            case CLUSTER_TYPE -> "c.cluster_type";
            case CLUSTER_VERSION -> "c.cluster_version";
            case REGION -> "c.region";
            // S is the most important tier: ascending means S, A, B.
            case TIER -> "CASE p.tier WHEN 'S' THEN 1 WHEN 'A' THEN 2 WHEN 'B' THEN 3 END";
            case ORG_NAME -> "o.org_name";
            case CREATED_AT -> "c.created_at";
            case FE_COUNT -> "coalesce(ln.fe_count, 0)";
            case BE_COUNT -> "coalesce(ln.be_count, 0)";
            case CN_COUNT -> "coalesce(ln.cn_count, 0)";
            case CCU_7D -> throw new IllegalArgumentException("the CCU order is not known to the store");
        };
    }

    /** The ids of every cluster the query's filters match, in no particular order. */
    List<String> findClusterIds(ClusterQuery query) {
        ClusterFilter filter = ClusterFilter.of(query);
        return jdbc.sql("SELECT c.cluster_id " + CLUSTER_FROM + filter.where())
                .params(filter.params())
                .query(String.class).list();
    }

    /** The list rows of these clusters (at most a page of them), in no particular order; {@code ccu7d} is null. */
    List<ClusterListItem> findClustersById(List<String> clusterIds) {
        if (clusterIds.isEmpty()) {
            return List.of();
        }
        return clusterRows("WHERE c.cluster_id IN (:ids)", Map.of("ids", clusterIds), " AND n.cluster_id IN (:ids)");
    }

    /** {@code nodeFilter} narrows the node counts to the clusters the rows are of (empty: every cluster's). */
    private List<ClusterListItem> clusterRows(String whereAndOrder, Map<String, Object> params, String nodeFilter) {
        return jdbc.sql("""
                WITH live_nodes AS (
                  SELECT n.cluster_id,
                         count(CASE WHEN n.node_type = 'FE' THEN 1 END) AS fe_count,
                         count(CASE WHEN n.node_type = 'BE' THEN 1 END) AS be_count,
                         count(CASE WHEN n.node_type = 'CN' THEN 1 END) AS cn_count
                  FROM byoc.node n
                  WHERE %1$s%4$s
                  GROUP BY n.cluster_id
                )
                SELECT c.cluster_id, c.cluster_name, a.org_id, o.org_name, p.tier, c.cluster_type,
                       c.cluster_state, c.cluster_version, c.csp, c.region,
                       coalesce(ln.fe_count, 0) AS fe_count, coalesce(ln.be_count, 0) AS be_count,
                       coalesce(ln.cn_count, 0) AS cn_count, c.created_at, NULL AS ccu7d
                %2$s
                LEFT JOIN live_nodes ln ON ln.cluster_id = c.cluster_id
                %3$s""".formatted(LIVE_NODE, CLUSTER_FROM, whereAndOrder, nodeFilter))
                .params(params)
                .query(RecordRows.of(ClusterListItem.class)).list();
    }

    /**
     * Per cluster with bills after {@code after} (exclusive, by bill hour), the CCU of those hours;
     * {@code zero} is what a cluster without such bills has, in the same decimal type.
     */
    RecentCcu recentCcu(LocalDateTime after) {
        return jdbc.sql("""
                SELECT b.cluster_id, sum(b.ccu_usage) AS ccu_7d
                FROM byoc.bill_detail b
                WHERE b.bill_date >= :ccuDate
                  AND (b.bill_date > :ccuDate OR b.bill_hour > :ccuHour)
                GROUP BY b.cluster_id""")
                .param("ccuDate", after.toLocalDate())
                .param("ccuHour", after.getHour())
                .query((ResultSet rs) -> {
                    Map<String, BigDecimal> byCluster = new HashMap<>();
                    while (rs.next()) {
                        byCluster.put(rs.getString(1), rs.getBigDecimal(2));
                    }
                    // the list read coalesce(sum, 0): a zero of the sum's scale
                    return new RecentCcu(Map.copyOf(byCluster),
                            BigDecimal.valueOf(0, rs.getMetaData().getScale(2)));
                });
    }

    /** Facts that change whenever {@code bill_detail} gains or loses rows (an append-only fact table). */
    BillVersion billVersion() {
        return jdbc.sql("SELECT count(*) AS bill_rows, max(bill_date) AS newest_date FROM byoc.bill_detail")
                .query(RecordRows.of(BillVersion.class)).single();
    }

    /**
     * Facts that change whenever the snapshots or their dictionary do: row count and newest hour of
     * the snapshots, the refresh marks of the rollup that rewrites hours in place, and the whole
     * metric dictionary (a few dozen rows).
     */
    SnapshotVersion snapshotVersion() {
        // one statement (one prepare and execute per cluster detail, which asks every time): the
        // facts in the row of part 0, the dictionary in the rows of part 1, in the dictionary's order
        SnapshotVersion.Rows[] rows = {null};
        List<SnapshotVersion.DictionaryEntry> dictionary = new ArrayList<>();
        jdbc.sql("""
                SELECT 0 AS part, s.snapshot_rows, s.newest_hour, r.rollups, r.last_refresh, r.watermark,
                       NULL AS metric_name, NULL AS category, NULL AS unit, NULL AS direction,
                       NULL AS warn_threshold, NULL AS crit_threshold
                FROM (SELECT count(*) AS snapshot_rows, max(snapshot_hour) AS newest_hour
                      FROM metrics.amv_hourly_snapshots_v1) s
                CROSS JOIN (SELECT count(*) AS rollups, max(refreshed_at) AS last_refresh, max(watermark) AS watermark
                            FROM metrics.rollup_state) r
                UNION ALL
                SELECT 1, NULL, NULL, NULL, NULL, NULL, metric_name, category, unit, direction, warn_threshold, crit_threshold
                FROM metrics.metric_dictionary
                ORDER BY part, metric_name, category, unit, direction""")
                .query(rs -> {
                    if (rs.getInt("part") == 0) {
                        rows[0] = new SnapshotVersion.Rows(rs.getLong("snapshot_rows"),
                                rs.getObject("newest_hour", LocalDateTime.class), rs.getLong("rollups"),
                                rs.getObject("last_refresh", LocalDateTime.class),
                                rs.getObject("watermark", LocalDateTime.class));
                    } else {
                        dictionary.add(new SnapshotVersion.DictionaryEntry(rs.getString("metric_name"),
                                rs.getString("category"), rs.getString("unit"), rs.getString("direction"),
                                nullableDouble(rs, "warn_threshold"), nullableDouble(rs, "crit_threshold")));
                    }
                });
        return new SnapshotVersion(Objects.requireNonNull(rows[0]), List.copyOf(dictionary));
    }

    private static @Nullable Double nullableDouble(ResultSet rs, String column) throws java.sql.SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /**
     * Per cluster and metric, the newest snapshot at or after {@code since},
     * with its dictionary entry; ordered by cluster, category, metric. One pass over the snapshots
     * for the whole fleet.
     */
    List<ClusterReading> newestReadingsOfFleet(LocalDateTime since) {
        RowMapper<MetricReading> reading = RecordRows.of(MetricReading.class);
        return jdbc.sql("""
                SELECT v.cluster_id, v.metric_name, v.avg_value AS value, v.max_value, v.unit, v.category,
                       v.snapshot_hour, v.band, v.warn_threshold, v.crit_threshold
                FROM metrics.v_hourly_snapshots_v5 v
                JOIN (SELECT cluster_id, metric_name, max(snapshot_hour) AS newest_hour
                      FROM metrics.amv_hourly_snapshots_v1
                      WHERE snapshot_hour >= :since
                      GROUP BY cluster_id, metric_name) l
                  ON l.cluster_id = v.cluster_id AND l.metric_name = v.metric_name AND l.newest_hour = v.snapshot_hour
                ORDER BY v.cluster_id, v.category, v.metric_name""")
                .param("since", since)
                .query((rs, i) -> new ClusterReading(rs.getString("cluster_id"), reading.mapRow(rs, i)))
                .list();
    }

    /** The cluster's own row, by its primary key. */
    Optional<ClusterInfo> findCluster(String clusterId) {
        return jdbc.sql("SELECT " + columns(ClusterInfo.class) + " FROM byoc.cluster WHERE cluster_id = :id")
                .param("id", clusterId)
                .query(RecordRows.of(ClusterInfo.class))
                .optional();
    }

    List<ResourceInfo> resources(String clusterId) {
        return jdbc.sql("SELECT " + columns(ResourceInfo.class) + """
                 FROM byoc.cluster_resource WHERE cluster_id = :id
                ORDER BY\s""" + RESOURCE_ORDER)
                .param("id", clusterId)
                .query(RecordRows.of(ResourceInfo.class)).list();
    }

    List<NodeInfo> nodes(String clusterId) {
        return jdbc.sql("SELECT " + columns(NodeInfo.class) + """
                 FROM byoc.node n WHERE cluster_id = :id
                ORDER BY\s""" + NODE_ORDER)
                .param("id", clusterId)
                .query(RecordRows.of(NodeInfo.class)).list();
    }

    List<ActionInfo> recentActions(String clusterId, int limit) {
        return jdbc.sql("SELECT " + columns(ActionInfo.class) + """
                 FROM byoc.cluster_action WHERE cluster_id = :id
                ORDER BY\s""" + ACTION_ORDER + " LIMIT :limit")
                .param("id", clusterId).param("limit", limit)
                .query(RecordRows.of(ActionInfo.class)).list();
    }

    List<StateChange> stateHistory(String clusterId, int limit) {
        return jdbc.sql("SELECT " + columns(StateChange.class) + """
                 FROM byoc.cluster_state_history WHERE cluster_id = :id
                ORDER BY\s""" + STATE_ORDER + " LIMIT :limit")
                .param("id", clusterId).param("limit", limit)
                .query(RecordRows.of(StateChange.class)).list();
    }

    /**
     * What the cluster detail shows of the control plane, for every cluster: by cluster id, its row,
     * resources, nodes, and its newest {@code recent} actions and state changes, each list in the
     * order of the per-cluster reads above ({@link #resources} and the others), which read the same
     * tables in the same order for one cluster.
     */
    record DetailTables(Map<String, ClusterInfo> clusters, Map<String, List<ResourceInfo>> resources,
                        Map<String, List<NodeInfo>> nodes, Map<String, List<ActionInfo>> actions,
                        Map<String, List<StateChange>> stateHistory) {
    }

    DetailTables detailTables(int recent) {
        Map<String, ClusterInfo> clusters = new HashMap<>();
        jdbc.sql("SELECT " + columns(ClusterInfo.class) + " FROM byoc.cluster")
                .query(RecordRows.of(ClusterInfo.class)).list()
                .forEach(c -> clusters.put(c.clusterId(), c));
        return new DetailTables(Map.copyOf(clusters),
                byCluster("byoc.cluster_resource", ResourceInfo.class, RESOURCE_ORDER, ResourceInfo::clusterId, Integer.MAX_VALUE),
                byCluster("byoc.node n", NodeInfo.class, NODE_ORDER, NodeInfo::clusterId, Integer.MAX_VALUE),
                byCluster("byoc.cluster_action", ActionInfo.class, ACTION_ORDER, ActionInfo::clusterId, recent),
                byCluster("byoc.cluster_state_history", StateChange.class, STATE_ORDER, StateChange::clusterId, recent));
    }

    /** The rows of a table per cluster id, in {@code order}, the first {@code limit} of each cluster. */
    private <R extends Record> Map<String, List<R>> byCluster(String table, Class<R> row, String order,
                                                              Function<R, @Nullable String> clusterId, int limit) {
        Map<String, List<R>> byCluster = new HashMap<>();
        // rows without a cluster are nobody's: a read by cluster id never finds them
        jdbc.sql("SELECT " + columns(row) + " FROM " + table + " WHERE cluster_id IS NOT NULL ORDER BY cluster_id, " + order)
                .query(RecordRows.of(row)).list()
                .forEach(r -> {
                    List<R> rows = byCluster.computeIfAbsent(clusterId.apply(r), k -> new ArrayList<>());
                    if (rows.size() < limit) {
                        rows.add(r);
                    }
                });
        Map<String, List<R>> copied = new HashMap<>(byCluster.size() * 2);
        byCluster.forEach((k, v) -> copied.put(k, List.copyOf(v)));
        return Map.copyOf(copied);
    }

    /** Per metric, the cluster's newest snapshot at or after {@code since}; a pass over all snapshots. */
    List<MetricReading> latestMetrics(String clusterId, LocalDateTime since) {
        return jdbc.sql("""
                SELECT v.metric_name, v.avg_value AS value, v.max_value, v.unit, v.category, v.snapshot_hour,
                       v.band, v.warn_threshold, v.crit_threshold
                FROM metrics.v_hourly_snapshots_v5 v
                JOIN (SELECT metric_name, max(snapshot_hour) AS newest_hour
                      FROM metrics.amv_hourly_snapshots_v1
                      WHERE cluster_id = :id AND snapshot_hour >= :since
                      GROUP BY metric_name) l
                  ON l.metric_name = v.metric_name AND l.newest_hour = v.snapshot_hour
                WHERE v.cluster_id = :id AND v.snapshot_hour >= :since
                ORDER BY v.category, v.metric_name""")
                .param("id", clusterId).param("since", since)
                .query(RecordRows.of(MetricReading.class)).list();
    }

    /**
     * The column list of a record that mirrors a table, from its component names; the records are
     * the single place that lists those columns.
     */
    static String columns(Class<? extends Record> row) {
        return RecordRows.columnList(row);
    }
}
