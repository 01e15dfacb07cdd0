package dev.byocfleet.directory;

import dev.byocfleet.store.Dialect;
import dev.byocfleet.store.RecordRows;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the control-plane tables the directory keeps: whole, and as a fingerprint of their content. */
@Repository
class DirectoryRepository {

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final String fingerprintSql;

    DirectoryRepository(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        // every column a ClusterEntry is made of, and every column that decides which rows join or
        // count, per table
        this.fingerprintSql = fingerprintSql(Map.of(
                "byoc.cluster", List.of("cluster_id", "account_id", "cluster_name", "cluster_type", "csp", "region",
                        "cluster_state", "cluster_version", "created_at"),
                "byoc.node", List.of("node_id", "cluster_id", "node_type", "state", "terminated_at"),
                "byoc.account", List.of("account_id", "org_id"),
                "byoc.organization", List.of("org_id", "org_name", "payment_type"),
                "metrics.dim_customer_profile", List.of("org_id", "tier", "customer_name", "region", "industry",
                        "owner")));
    }

    /** One statement giving, per table, its row count and the sum of its rows' hashes over {@code columns}. */
    String fingerprintSql(Map<String, List<String>> columnsByTable) {
        return "SELECT " + String.join(",\n", columnsByTable.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(t -> part(dialect, t.getKey(), t.getValue())).toList());
    }

    private static String part(Dialect dialect, String table, List<String> columns) {
        return "(SELECT count(*) FROM " + table + "), (SELECT CAST(sum(" + dialect.rowHash(columns)
                + ") AS VARCHAR) FROM " + table + ")";
    }

    /** Row counts and content hashes of the five tables, in one statement. */
    String fingerprint() {
        return fingerprint(fingerprintSql);
    }

    /** The fingerprint a statement of {@link #fingerprintSql} gives, as text. */
    String fingerprint(String sql) {
        return jdbc.sql(sql).query(rs -> {
            rs.next();
            StringBuilder sb = new StringBuilder();
            int columns = rs.getMetaData().getColumnCount();
            for (int i = 1; i <= columns; i++) {
                sb.append(rs.getString(i)).append('/');
            }
            return sb.toString();
        });
    }

    /**
     * Every cluster with its account's organization, tier and live node counts; every organization with its
     * profile; the organization of every account.
     */
    FleetDirectory.Snapshot load() {
        Map<String, Map<String, Long>> nodes = new HashMap<>();
        jdbc.sql("SELECT n.cluster_id, n.node_type, count(*) AS nodes FROM byoc.node n WHERE " + FleetDirectory.LIVE_NODE
                        + " GROUP BY n.cluster_id, n.node_type")
                .query(rs -> {
                    // a node without a type counts only in the totals: kept under the empty type
                    String type = rs.getString(2);
                    nodes.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(type == null ? "" : type, rs.getLong(3));
                });
        List<ClusterEntry> clusters = new ArrayList<>();
        jdbc.sql("""
                SELECT c.cluster_id, c.cluster_name, c.account_id, a.org_id, o.org_name, p.tier, c.cluster_type,
                       c.cluster_state, c.cluster_version, c.csp, c.region, c.created_at
                FROM byoc.cluster c
                LEFT JOIN byoc.account a ON a.account_id = c.account_id
                LEFT JOIN byoc.organization o ON o.org_id = a.org_id
                LEFT JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id""")
                .query(rs -> {
                    String id = rs.getString(1);
                    clusters.add(new ClusterEntry(id, rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getObject(12, LocalDateTime.class),
                            nodes.getOrDefault(id, Map.of())));
                });
        List<OrganizationEntry> organizations = jdbc.sql("""
                SELECT o.org_id, o.org_name, o.payment_type, p.customer_name, p.tier, p.region, p.industry, p.owner
                FROM byoc.organization o
                LEFT JOIN metrics.dim_customer_profile p ON p.org_id = o.org_id""")
                .query(RecordRows.of(OrganizationEntry.class)).list();
        Map<String, String> orgOfAccount = new HashMap<>();
        jdbc.sql("SELECT account_id, org_id FROM byoc.account WHERE org_id IS NOT NULL")
                .query(rs -> {
                    orgOfAccount.put(rs.getString(1), rs.getString(2));
                });
        return new FleetDirectory.Snapshot(clusters, organizations, orgOfAccount);
    }
}
