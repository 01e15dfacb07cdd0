-- Alerts of c-001 for the MCP cluster_alerts tool: two received in the 24 hours before
-- 2025-06-11 06:00 (UTC), one a day earlier. Idempotent: the shared test store keeps other rows.
DELETE FROM alerts.lark_alerts WHERE message_id LIKE 'mcp-it-%';
INSERT INTO alerts.lark_alerts (message_id, source, source_message_id, alert_id, status, severity, alert_name,
  cluster_id, cluster_ref, node, summary, description, labels, annotations, starts_at, ends_at, fingerprint,
  generator_url, received_at, parse_status, parse_error, ingest_run_id, issue_id, raw_payload) VALUES
  ('mcp-it-1', 'alertmanager', NULL, 'fp-mcp-1', 'firing', 'critical', 'Data Disk', 'c-001', 'acme-prod',
   '10.0.1.11:8040', 'Disk 93% full', NULL, '{}', '{}', TIMESTAMP '2025-06-11 04:58:00', NULL, 'fp-mcp-1', NULL,
   TIMESTAMP '2025-06-11 05:00:00', 'parsed', NULL, NULL, NULL, '{}'),
  ('mcp-it-2', 'grafana', NULL, 'fp-mcp-2', 'resolved', 'warning', 'Query Latency Alert', 'c-001', 'acme-prod',
   NULL, 'p99 above 5 s', NULL, '{}', '{}', TIMESTAMP '2025-06-10 20:00:00', TIMESTAMP '2025-06-10 21:00:00',
   'fp-mcp-2', NULL, TIMESTAMP '2025-06-10 21:00:30', 'parsed', NULL, NULL, NULL, '{}'),
  ('mcp-it-3', 'alertmanager', NULL, 'fp-mcp-3', 'firing', 'warning', 'High Compaction Pressure', 'c-001',
   'acme-prod', NULL, 'compaction score 120', NULL, '{}', '{}', TIMESTAMP '2025-06-09 10:00:00', NULL, 'fp-mcp-3',
   NULL, TIMESTAMP '2025-06-09 10:00:10', 'parsed', NULL, NULL, NULL, '{}');
