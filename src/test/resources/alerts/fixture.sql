-- Stored alerts for the alerts API tests: three clusters of three organizations (tiers S, A, none),
-- alerts from every source, firing and resolved, unmapped and unparsed ones. Received times (UTC):
-- m7 2026-11-28 12:00, m6 23:00, m4 2026-11-29 02:00, m3 03:00, m1 04:00, m2 04:10, m5 05:00.
INSERT INTO byoc.organization (org_id, org_name) VALUES ('org-1', 'Acme'), ('org-2', 'Globex'), ('org-3', 'Initech');
INSERT INTO byoc.account (account_id, org_id) VALUES ('acc-1', 'org-1'), ('acc-2', 'org-2'), ('acc-3', 'org-3');
INSERT INTO metrics.dim_customer_profile (org_id, customer_name, tier) VALUES ('org-1', 'Acme', 'S'), ('org-2', 'Globex', 'A');
INSERT INTO byoc.cluster (cluster_id, account_id, cluster_name) VALUES
  ('c-1', 'acc-1', 'sr-prod-01'), ('c-2', 'acc-2', 'globex-dw'), ('c-3', 'acc-3', 'initech-lake');
INSERT INTO alerts.lark_alerts (message_id, source, source_message_id, alert_id, status, severity, alert_name,
  cluster_id, cluster_ref, node, summary, description, labels, annotations, starts_at, ends_at, fingerprint,
  generator_url, received_at, parse_status, parse_error, ingest_run_id, issue_id, raw_payload) VALUES
  ('m1', 'alertmanager', '{}:{alertname="BE Service Suspension"}', 'fp-1', 'firing', 'critical', 'BE Service Suspension',
   'c-1', 'sr-prod-01', '10.0.0.11:8040', 'BE down', 'BE heartbeat lost',
   '{"alertname":"BE Service Suspension","cluster":"sr-prod-01","severity":"critical"}',
   '{"summary":"BE down","grafana_values":"{\"A\":1}"}',
   TIMESTAMP '2026-11-29 03:59:00.819723', NULL, 'fp-1', 'http://prometheus.local:9090/graph',
   TIMESTAMP '2026-11-29 04:00:00', 'parsed', NULL, 'webhook-alertmanager-2026112904-x', NULL,
   '{"status":"firing","annotations":{"summary":"<b>BE</b> down"}}'),
  ('m2', 'alertmanager', NULL, 'fp-1', 'resolved', 'critical', 'BE Service Suspension',
   'c-1', 'sr-prod-01', '10.0.0.11:8040', 'BE down', NULL, '{}', '{}',
   TIMESTAMP '2026-11-29 03:59:00.819723', TIMESTAMP '2026-11-29 04:09:00', 'fp-1', NULL,
   TIMESTAMP '2026-11-29 04:10:00', 'parsed', NULL, NULL, 7, '{}'),
  ('m3', 'grafana', NULL, 'fp-3', 'firing', 'warning', 'Data Disk', 'c-2', 'c-2', NULL, 'Disk 91% full', NULL,
   '{}', '{}', TIMESTAMP '2026-11-29 02:58:00', NULL, 'fp-3', NULL, TIMESTAMP '2026-11-29 03:00:00', 'parsed', NULL,
   NULL, NULL, '{}'),
  ('m4', 'lark', 'om_4', 'fp-4', 'firing', 'info', 'Query Latency Alert', 'c-3', 'initech-lake', NULL,
   'p95 latency above 5 s', NULL, '{}', '{}', TIMESTAMP '2026-11-29 01:58:00', NULL, 'fp-4', NULL,
   TIMESTAMP '2026-11-29 02:00:00', 'parsed', NULL, NULL, NULL, '{"title":"Query Latency Alert"}'),
  ('m5', 'lark', 'om_5', NULL, 'firing', 'warning', NULL, NULL, NULL, NULL, NULL, NULL, '{}', '{}', NULL, NULL, NULL,
   NULL, TIMESTAMP '2026-11-29 05:00:00', 'unparsed', 'no alert found in the card', NULL, NULL, '{"title":"???"}'),
  ('m6', 'alertmanager', NULL, 'fp-6', 'firing', 'warning', 'High Compaction Pressure Alert', NULL, 'sr-unknown',
   '10.9.9.9:8040', 'Compaction score 250', NULL, '{}', '{}', TIMESTAMP '2026-11-28 22:59:00', NULL, 'fp-6', NULL,
   TIMESTAMP '2026-11-28 23:00:00', 'parsed', NULL, NULL, NULL, '{}'),
  ('m7', 'lark_mcp', 'om_7', 'fp-7', 'resolved', 'critical', 'Data Disk', 'c-2', 'globex-dw', NULL, 'DISK full', NULL,
   '{}', '{}', TIMESTAMP '2026-11-28 11:00:00', TIMESTAMP '2026-11-28 11:59:00', 'fp-7', NULL,
   TIMESTAMP '2026-11-28 12:00:00', 'parsed', NULL, NULL, NULL, '{}');
