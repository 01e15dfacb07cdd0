-- v6 joins byoc tables, so it comes after V002. Same query as db/duckdb/V003__enriched_view.sql.
CREATE OR REPLACE VIEW metrics.v_hourly_snapshots_v6 AS
SELECT v.*,
       c.cluster_name, c.cluster_type, c.cluster_version, c.csp, c.region, c.cluster_state,
       a.org_id, p.customer_name, p.tier, p.industry, p.owner
FROM metrics.v_hourly_snapshots_v5 v
JOIN byoc.cluster c ON c.cluster_id = v.cluster_id
JOIN byoc.account a ON a.account_id = c.account_id
LEFT JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id;
