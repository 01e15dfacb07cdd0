package dev.byocfleet.fleet;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fleet list read straight from the store on every call, CCU included, as it was read before
 * the bill figures were kept in memory: the slow path the fast one must equal, row for row and
 * decimal for decimal.
 */
final class DirectFleetReads {

    private final JdbcClient jdbc;

    DirectFleetReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the list with the CCU of the 168 bill hours up to the newest, sorted by the store. */
    List<ClusterListItem> clusters(ClusterQuery query) {
        ClusterFilter filter = ClusterFilter.of(query);
        String sort = query.sort() == ClusterQuery.SortField.CCU_7D
                ? "coalesce(rc.ccu_7d, 0)"
                : FleetRepository.sortExpression(query.sort());
        LocalDateTime after = jdbc.sql("""
                SELECT max(CAST(bill_date AS TIMESTAMP) + to_hours(CAST(bill_hour AS BIGINT))) FROM byoc.bill_detail""")
                .query(LocalDateTime.class).optional()
                .map(h -> h.minusHours(FleetService.CCU_WINDOW_HOURS))
                .orElse(LocalDateTime.of(1970, 1, 1, 0, 0));
        Map<String, Object> params = new HashMap<>(filter.params());
        params.put("ccuDate", after.toLocalDate());
        params.put("ccuHour", after.getHour());
        params.put("limit", query.size());
        params.put("offset", query.offset());
        return jdbc.sql("""
                WITH live_nodes AS (
                  SELECT cluster_id, count(CASE WHEN node_type = 'FE' THEN 1 END) AS fe_count,
                         count(CASE WHEN node_type = 'BE' THEN 1 END) AS be_count,
                         count(CASE WHEN node_type = 'CN' THEN 1 END) AS cn_count
                  FROM byoc.node
                  WHERE terminated_at IS NULL AND coalesce(lower(state), '') <> 'decommissioned'
                  GROUP BY cluster_id
                ), recent_ccu AS (
                  SELECT cluster_id, sum(ccu_usage) AS ccu_7d FROM byoc.bill_detail
                  WHERE bill_date >= :ccuDate AND (bill_date > :ccuDate OR bill_hour > :ccuHour)
                  GROUP BY cluster_id
                )
                SELECT c.cluster_id, c.cluster_name, a.org_id, o.org_name, p.tier, c.cluster_type, c.cluster_state,
                       c.cluster_version, c.csp, c.region, coalesce(ln.fe_count, 0) AS fe_count,
                       coalesce(ln.be_count, 0) AS be_count, coalesce(ln.cn_count, 0) AS cn_count, c.created_at,
                       coalesce(rc.ccu_7d, 0) AS ccu7d
                FROM byoc.cluster c
                LEFT JOIN byoc.account a ON a.account_id = c.account_id
                LEFT JOIN byoc.organization o ON o.org_id = a.org_id
                LEFT JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id
                LEFT JOIN live_nodes ln ON ln.cluster_id = c.cluster_id
                LEFT JOIN recent_ccu rc ON rc.cluster_id = c.cluster_id
                %s
                ORDER BY CASE WHEN %s IS NULL THEN 1 ELSE 0 END, %2$s %s, c.cluster_id
                LIMIT :limit OFFSET :offset""".formatted(filter.where(), sort, query.descending() ? "DESC" : "ASC"))
                .params(params)
                .query(ClusterListItem.class).list();
    }
}
