-- Clusters the webhook payload files under ingest/ name. Idempotent.
DELETE FROM byoc.node WHERE cluster_id IN ('c-sr01', 'c-sr02');
DELETE FROM byoc.cluster WHERE cluster_id IN ('c-sr01', 'c-sr02');
INSERT INTO byoc.cluster (cluster_id, account_id, cluster_name, cluster_state) VALUES
  ('c-sr01', 'acc-1', 'sr-prod-01', 'RUNNING'),
  ('c-sr02', 'acc-1', 'sr-prod-02', 'RUNNING');
INSERT INTO byoc.node (node_id, cluster_id, node_type, private_ip, state) VALUES
  ('n-sr01-be1', 'c-sr01', 'BE', '10.0.0.11', 'alive'),
  ('n-sr01-be2', 'c-sr01', 'BE', '10.0.0.12', 'alive'),
  ('n-sr02-be1', 'c-sr02', 'BE', '10.0.1.11', 'alive');
