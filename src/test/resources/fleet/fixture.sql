-- A small fleet for the fleet API tests. Idempotent: it clears what it fills.
-- Newest bill hour: 2025-06-11 (a Wednesday) 05:00 UTC, so "this week" starts Monday 2025-06-09,
-- "last week" is 2025-06-02 .. 2025-06-08, and the 168-hour CCU window is hours after 2025-06-04 05:00.
DELETE FROM byoc.organization;
DELETE FROM byoc.account;
DELETE FROM byoc.cluster;
DELETE FROM byoc.cluster_resource;
DELETE FROM byoc.node;
DELETE FROM byoc.cluster_action;
DELETE FROM byoc.cluster_state_history;
DELETE FROM byoc.bill_detail;
DELETE FROM metrics.dim_customer_profile;
DELETE FROM metrics.metric_dictionary;
DELETE FROM metrics.amv_hourly_snapshots_v1;

INSERT INTO byoc.organization (org_id, org_name, root_account_id, payment_type, ccu_balance, contract_start, contract_end, created_at, status) VALUES
  ('org-1', 'Acme Corp', 'acc-1', 'contract', 5000, DATE '2024-01-01', DATE '2026-01-01', TIMESTAMP '2023-12-01 00:00:00', 'active'),
  ('org-2', 'Globex', 'acc-2', 'on_demand', 0, NULL, NULL, TIMESTAMP '2023-04-01 00:00:00', 'active'),
  ('org-3', 'Initech', 'acc-3', 'on_demand', 0, NULL, NULL, TIMESTAMP '2024-08-01 00:00:00', 'active');

-- org-1 has two accounts; org-3 has no customer profile (tier unknown).
INSERT INTO byoc.account (account_id, org_id, account_name, is_root, support_tier, created_at, deleted) VALUES
  ('acc-1', 'org-1', 'acme-root', true, 'premium', TIMESTAMP '2023-12-01 00:00:00', false),
  ('acc-1b', 'org-1', 'acme-analytics', false, 'premium', TIMESTAMP '2024-03-01 00:00:00', false),
  ('acc-2', 'org-2', 'globex-root', true, 'standard', TIMESTAMP '2023-04-01 00:00:00', false),
  ('acc-3', 'org-3', 'initech-root', true, 'standard', TIMESTAMP '2024-08-01 00:00:00', false);

INSERT INTO metrics.dim_customer_profile (org_id, customer_name, tier, region, industry, owner) VALUES
  ('org-1', 'Acme Corporation', 'S', 'us-west', 'Retail', 'alice'),
  ('org-2', 'Globex Inc', 'A', 'us-central', 'Energy', 'bob');

INSERT INTO byoc.cluster (cluster_id, account_id, cluster_name, cluster_type, csp, region, cluster_state, abnormal_reason, cluster_version, release_version, deploy_cred_id, data_cred_id, net_iface_id, free_tier, is_multi_warehouse, query_port, idle_suspend_interval, ssl_conn_enable, disable_public_access, termination_protection, tags, created_at, released_at, updated_at) VALUES
  ('c-001', 'acc-1', 'acme-prod', 'ELASTIC', 'aws', 'us-west-2', 'RUNNING', NULL, '3.3.7', '3.3', 'dc-1', 'da-1', 'ni-1', false, true, 9030, 0, true, false, true, '{"env":"prod","team":"data"}', TIMESTAMP '2024-01-10 08:00:00', NULL, TIMESTAMP '2025-06-10 12:00:00'),
  ('c-002', 'acc-1b', 'acme-analytics', 'CLASSIC', 'aws', 'us-east-1', 'SUSPENDED', NULL, '3.2.11', '3.2', 'dc-1', 'da-1', 'ni-1', false, false, 9030, 60, false, false, false, NULL, TIMESTAMP '2024-03-05 09:30:00', NULL, NULL),
  ('c-003', 'acc-2', 'globex-dw', 'ELASTIC', 'gcp', 'us-central1', 'ABNORMAL', 'BE disk full', '3.3.2', '3.3', 'dc-2', 'da-2', 'ni-2', false, false, 9030, 0, true, true, false, '{}', TIMESTAMP '2024-06-01 00:00:00', NULL, NULL),
  ('c-004', 'acc-2', 'globex-old', 'CLASSIC', 'aws', 'us-west-2', 'RELEASED', NULL, '3.1.9', '3.1', 'dc-2', 'da-2', 'ni-2', false, false, 9030, 0, false, false, false, NULL, TIMESTAMP '2023-05-01 00:00:00', TIMESTAMP '2024-02-01 00:00:00', NULL),
  ('c-005', 'acc-3', 'initech-lake', 'ELASTIC', 'azure', 'eastus', 'RUNNING', NULL, '3.4.0', '3.4', 'dc-3', 'da-3', 'ni-3', true, false, 9030, 30, true, false, false, NULL, TIMESTAMP '2024-08-20 00:00:00', NULL, NULL);

INSERT INTO byoc.cluster_resource (resource_id, cluster_id, resource_type, name, state, is_default_warehouse, instance_type, node_count, cngroup_count, cngroup_size, vm_vol_size_gb, vm_vol_num, iops, throughput, is_instance_store, distribution_policy, specified_azs, resume_with_cluster, created_at, deleted) VALUES
  ('r-001-fe', 'c-001', 'FE', 'fe', 'Running', false, 'm6i.xlarge', 3, NULL, NULL, 100, 1, 3000, 125, false, NULL, NULL, true, TIMESTAMP '2024-01-10 08:00:00', false),
  ('r-001-wh', 'c-001', 'WAREHOUSE', 'default_warehouse', 'Running', true, 'r6id.2xlarge', 5, 1, 5, 200, 1, 3000, 125, true, 'spread', '["us-west-2a","us-west-2b"]', true, TIMESTAMP '2024-01-10 08:00:00', false),
  ('r-002-fe', 'c-002', 'FE', 'fe', 'Suspended', false, 'm6i.large', 1, NULL, NULL, 100, 1, 3000, 125, false, NULL, NULL, true, TIMESTAMP '2024-03-05 09:30:00', false),
  ('r-002-be', 'c-002', 'BE', 'be', 'Suspended', false, 'r6i.2xlarge', 3, NULL, NULL, 500, 2, 6000, 250, false, NULL, NULL, true, TIMESTAMP '2024-03-05 09:30:00', false),
  ('r-003-fe', 'c-003', 'FE', 'fe', 'Running', false, 'n2-standard-4', 1, NULL, NULL, 100, 1, NULL, NULL, false, NULL, NULL, true, TIMESTAMP '2024-06-01 00:00:00', false),
  ('r-003-wh', 'c-003', 'WAREHOUSE', 'default_warehouse', 'Running', true, 'n2-highmem-8', 2, 1, 2, 200, 1, NULL, NULL, false, NULL, NULL, true, TIMESTAMP '2024-06-01 00:00:00', false),
  ('r-005-fe', 'c-005', 'FE', 'fe', 'Running', false, 'Standard_D4s_v5', 1, NULL, NULL, 100, 1, NULL, NULL, false, NULL, NULL, true, TIMESTAMP '2024-08-20 00:00:00', false),
  ('r-005-wh', 'c-005', 'WAREHOUSE', 'default_warehouse', 'Running', true, 'Standard_E8s_v5', 2, 1, 2, 200, 1, NULL, NULL, false, NULL, NULL, true, TIMESTAMP '2024-08-20 00:00:00', false);

-- Live nodes (not terminated, not decommissioned) of clusters that are not released:
-- FE 3+1+1+1 = 6, BE 3, CN 5+2+2 = 9, total 18. c-001 also has a decommissioned and a terminated CN;
-- the released c-004 still has rows without terminated_at, which the summary must not count.
INSERT INTO byoc.node (node_id, cluster_id, resource_id, node_type, fe_role, vm_instance_id, instance_type, az, private_ip, http_port, state, sr_version, started_at, last_heartbeat, terminated_at) VALUES
  ('n-001-fe1', 'c-001', 'r-001-fe', 'FE', 'LEADER', 'i-101', 'm6i.xlarge', 'us-west-2a', '10.0.0.1', 8030, 'alive', '3.3.7', TIMESTAMP '2024-01-10 08:00:00', TIMESTAMP '2025-06-11 05:59:00', NULL),
  ('n-001-fe2', 'c-001', 'r-001-fe', 'FE', 'FOLLOWER', 'i-102', 'm6i.xlarge', 'us-west-2b', '10.0.0.2', 8030, 'alive', '3.3.7', TIMESTAMP '2024-01-10 08:00:00', TIMESTAMP '2025-06-11 05:59:00', NULL),
  ('n-001-fe3', 'c-001', 'r-001-fe', 'FE', 'FOLLOWER', 'i-103', 'm6i.xlarge', 'us-west-2c', '10.0.0.3', 8030, 'alive', '3.3.7', TIMESTAMP '2024-01-10 08:00:00', TIMESTAMP '2025-06-11 05:59:00', NULL),
  ('n-001-cn1', 'c-001', 'r-001-wh', 'CN', NULL, 'i-111', 'r6id.2xlarge', 'us-west-2a', '10.0.1.1', 8040, 'alive', '3.3.7', TIMESTAMP '2024-01-10 08:00:00', TIMESTAMP '2025-06-11 05:59:00', NULL),
  ('n-001-cn2', 'c-001', 'r-001-wh', 'CN', NULL, 'i-112', 'r6id.2xlarge', 'us-west-2b', '10.0.1.2', 8040, 'alive', '3.3.7', TIMESTAMP '2024-01-10 08:00:00', TIMESTAMP '2025-06-11 05:59:00', NULL),
  ('n-001-cn3', 'c-001', 'r-001-wh', 'CN', NULL, 'i-113', 'r6id.2xlarge', 'us-west-2a', '10.0.1.3', 8040, 'alive', '3.3.7', TIMESTAMP '2024-01-10 08:00:00', TIMESTAMP '2025-06-11 05:59:00', NULL),
  ('n-001-cn4', 'c-001', 'r-001-wh', 'CN', NULL, 'i-114', 'r6id.2xlarge', 'us-west-2b', '10.0.1.4', 8040, 'alive', '3.3.7', TIMESTAMP '2024-01-10 08:00:00', TIMESTAMP '2025-06-11 05:59:00', NULL),
  ('n-001-cn5', 'c-001', 'r-001-wh', 'CN', NULL, 'i-115', 'r6id.2xlarge', 'us-west-2a', '10.0.1.5', 8040, 'dead', '3.3.7', TIMESTAMP '2024-01-10 08:00:00', TIMESTAMP '2025-06-11 03:00:00', NULL),
  ('n-001-cn6', 'c-001', 'r-001-wh', 'CN', NULL, 'i-116', 'r6id.2xlarge', 'us-west-2b', '10.0.1.6', 8040, 'decommissioned', '3.3.7', TIMESTAMP '2024-01-10 08:00:00', TIMESTAMP '2025-06-01 00:00:00', NULL),
  ('n-001-cn7', 'c-001', 'r-001-wh', 'CN', NULL, 'i-117', 'r6id.2xlarge', 'us-west-2a', '10.0.1.7', 8040, 'dead', '3.3.6', TIMESTAMP '2024-01-10 08:00:00', TIMESTAMP '2025-05-01 00:00:00', TIMESTAMP '2025-05-01 01:00:00'),
  ('n-002-fe1', 'c-002', 'r-002-fe', 'FE', 'LEADER', 'i-201', 'm6i.large', 'us-east-1a', '10.1.0.1', 8030, 'alive', '3.2.11', TIMESTAMP '2024-03-05 09:30:00', NULL, NULL),
  ('n-002-be1', 'c-002', 'r-002-be', 'BE', NULL, 'i-211', 'r6i.2xlarge', 'us-east-1a', '10.1.1.1', 8040, 'alive', '3.2.11', TIMESTAMP '2024-03-05 09:30:00', NULL, NULL),
  ('n-002-be2', 'c-002', 'r-002-be', 'BE', NULL, 'i-212', 'r6i.2xlarge', 'us-east-1a', '10.1.1.2', 8040, 'alive', '3.2.11', TIMESTAMP '2024-03-05 09:30:00', NULL, NULL),
  ('n-002-be3', 'c-002', 'r-002-be', 'BE', NULL, 'i-213', 'r6i.2xlarge', 'us-east-1a', '10.1.1.3', 8040, 'alive', '3.2.11', TIMESTAMP '2024-03-05 09:30:00', NULL, NULL),
  ('n-003-fe1', 'c-003', 'r-003-fe', 'FE', 'LEADER', 'gce-301', 'n2-standard-4', 'us-central1-a', '10.2.0.1', 8030, 'alive', '3.3.2', TIMESTAMP '2024-06-01 00:00:00', NULL, NULL),
  ('n-003-cn1', 'c-003', 'r-003-wh', 'CN', NULL, 'gce-311', 'n2-highmem-8', 'us-central1-a', '10.2.1.1', 8040, 'alive', '3.3.2', TIMESTAMP '2024-06-01 00:00:00', NULL, NULL),
  ('n-003-cn2', 'c-003', 'r-003-wh', 'CN', NULL, 'gce-312', 'n2-highmem-8', 'us-central1-a', '10.2.1.2', 8040, 'dead', '3.3.2', TIMESTAMP '2024-06-01 00:00:00', NULL, NULL),
  ('n-004-fe1', 'c-004', NULL, 'FE', 'LEADER', 'i-401', 'm5.large', 'us-west-2a', '10.3.0.1', 8030, 'alive', '3.1.9', TIMESTAMP '2023-05-01 00:00:00', NULL, NULL),
  ('n-004-be1', 'c-004', NULL, 'BE', NULL, 'i-411', 'r5.xlarge', 'us-west-2a', '10.3.1.1', 8040, 'alive', '3.1.9', TIMESTAMP '2023-05-01 00:00:00', NULL, NULL),
  ('n-004-be2', 'c-004', NULL, 'BE', NULL, 'i-412', 'r5.xlarge', 'us-west-2a', '10.3.1.2', 8040, 'alive', '3.1.9', TIMESTAMP '2023-05-01 00:00:00', NULL, NULL),
  ('n-005-fe1', 'c-005', 'r-005-fe', 'FE', 'LEADER', 'vm-501', 'Standard_D4s_v5', 'eastus-1', '10.4.0.1', 8030, 'alive', '3.4.0', TIMESTAMP '2024-08-20 00:00:00', NULL, NULL),
  ('n-005-cn1', 'c-005', 'r-005-wh', 'CN', NULL, 'vm-511', 'Standard_E8s_v5', 'eastus-1', '10.4.1.1', 8040, 'alive', '3.4.0', TIMESTAMP '2024-08-20 00:00:00', NULL, NULL),
  ('n-005-cn2', 'c-005', 'r-005-wh', 'CN', NULL, 'vm-512', 'Standard_E8s_v5', 'eastus-1', '10.4.1.2', 8040, 'alive', '3.4.0', TIMESTAMP '2024-08-20 00:00:00', NULL, NULL);

-- 22 actions on c-001, one a day from 2025-05-20 (a-01) to 2025-06-10 (a-22); the API shows the newest 20.
INSERT INTO byoc.cluster_action (action_id, cluster_id, resource_id, action_type, requested_by, source, from_value, to_value, state, err_msg, started_at, finished_at)
SELECT 'a-' || lpad(CAST(i AS VARCHAR), 2, '0'), 'c-001', 'r-001-wh', 'SCALE_OUT', 'ops@acme.example', 'console',
       CAST(i AS VARCHAR), CAST(i + 1 AS VARCHAR), 'Succeeded', NULL,
       TIMESTAMP '2025-05-19 10:00:00' + INTERVAL (i) DAY, TIMESTAMP '2025-05-19 10:20:00' + INTERVAL (i) DAY
FROM range(1, 23) t(i);
INSERT INTO byoc.cluster_action (action_id, cluster_id, resource_id, action_type, requested_by, source, from_value, to_value, state, err_msg, started_at, finished_at) VALUES
  ('a-301', 'c-003', 'r-003-wh', 'SCALE_OUT', 'autoscaler', 'autoscaler', '1', '2', 'Failed', 'insufficient capacity', TIMESTAMP '2025-06-10 07:00:00', TIMESTAMP '2025-06-10 07:30:00');

INSERT INTO byoc.cluster_state_history (cluster_id, changed_at, from_state, to_state, abnormal_reason, action_id) VALUES
  ('c-001', TIMESTAMP '2024-01-10 08:00:00', NULL, 'DEPLOYING', NULL, NULL),
  ('c-001', TIMESTAMP '2024-01-10 08:25:00', 'DEPLOYING', 'RUNNING', NULL, NULL),
  ('c-001', TIMESTAMP '2025-06-10 10:00:00', 'RUNNING', 'SCALING', NULL, 'a-22'),
  ('c-001', TIMESTAMP '2025-06-10 10:20:00', 'SCALING', 'RUNNING', NULL, 'a-22'),
  ('c-003', TIMESTAMP '2025-06-10 07:30:00', 'RUNNING', 'ABNORMAL', 'BE disk full', 'a-301');

-- This week (from 2025-06-09): CCU 10.5 + 2.25 + 4 = 16.75, USD 6.825 + 1.4625 + 2.6 = 10.8875.
-- Last week (2025-06-02 .. 2025-06-08): CCU 8 + 3.5 + 1.25 + 0.5 + 0.75 = 14. 2025-06-01 is in neither.
-- Last week up to the newest bill hour minus 7 days (2025-06-04 05:00): 8 + 0.5 = 8.5.
-- CCU of the 168 hours after 2025-06-04 05:00: c-001 12.75, c-003 4, c-002 3.5, c-005 2 (1.25 + 0.75), c-004 0.
INSERT INTO byoc.bill_detail (bill_date, bill_hour, org_id, account_id, cluster_id, resource_id, node_type, instance_type, node_count, uptime_hours, ccu_rate, ccu_usage, ccu_usage_after_discount, usd_cost) VALUES
  (DATE '2025-06-09', 0, 'org-1', 'acc-1', 'c-001', 'r-001-wh', 'CN', 'r6id.2xlarge', 5, 5, 2.1, 10.5, 10.5, 6.825),
  (DATE '2025-06-11', 5, 'org-1', 'acc-1', 'c-001', 'r-001-fe', 'FE', 'm6i.xlarge', 3, 3, 0.75, 2.25, 2.25, 1.4625),
  (DATE '2025-06-10', 12, 'org-2', 'acc-2', 'c-003', 'r-003-wh', 'CN', 'n2-highmem-8', 2, 2, 2, 4, 4, 2.6),
  (DATE '2025-06-02', 0, 'org-1', 'acc-1', 'c-001', 'r-001-wh', 'CN', 'r6id.2xlarge', 4, 4, 2, 8, 8, 5.2),
  (DATE '2025-06-08', 23, 'org-1', 'acc-1b', 'c-002', 'r-002-be', 'BE', 'r6i.2xlarge', 3, 3, 1.1666, 3.5, 3.5, 2.275),
  (DATE '2025-06-05', 10, 'org-3', 'acc-3', 'c-005', 'r-005-wh', 'CN', 'Standard_E8s_v5', 2, 2, 0.625, 1.25, 1.25, 0.8125),
  (DATE '2025-06-04', 5, 'org-3', 'acc-3', 'c-005', 'r-005-wh', 'CN', 'Standard_E8s_v5', 2, 2, 0.25, 0.5, 0.5, 0.325),
  (DATE '2025-06-04', 6, 'org-3', 'acc-3', 'c-005', 'r-005-wh', 'CN', 'Standard_E8s_v5', 2, 2, 0.375, 0.75, 0.75, 0.4875),
  (DATE '2025-06-01', 23, 'org-1', 'acc-1', 'c-001', 'r-001-wh', 'CN', 'r6id.2xlarge', 5, 5, 20, 100, 100, 65);

INSERT INTO metrics.metric_dictionary (metric_name, category, unit, description, aggregation, direction, warn_threshold, crit_threshold) VALUES
  ('cpu_util_pct', 'resource', 'pct', 'CPU utilization', 'avg', 'higher_is_worse', 80, 95),
  ('fe_alive_ratio', 'availability', 'ratio', 'Share of FE nodes alive', 'min', 'lower_is_worse', 0.99, 0.5);

-- c-001: cpu twice (newest 05:00 peaks at 85, a warning), fe_alive_ratio once, and a metric without a
-- dictionary entry that the enriched view leaves out. The newest snapshot of all is c-003's 06:00.
-- The suspended c-002 last reported weeks before that.
INSERT INTO metrics.amv_hourly_snapshots_v1 (cluster_id, metric_name, snapshot_hour, avg_value, min_value, max_value, p95_value, last_value, sample_count) VALUES
  ('c-001', 'cpu_util_pct', TIMESTAMP '2025-06-11 04:00:00', 50, 40, 70, 68, 55, 60),
  ('c-001', 'cpu_util_pct', TIMESTAMP '2025-06-11 05:00:00', 60, 45, 85, 80, 62, 60),
  ('c-001', 'fe_alive_ratio', TIMESTAMP '2025-06-11 05:00:00', 1, 1, 1, 1, 1, 60),
  ('c-001', 'custom_gauge', TIMESTAMP '2025-06-11 05:00:00', 7, 7, 7, 7, 7, 60),
  ('c-003', 'cpu_util_pct', TIMESTAMP '2025-06-11 06:00:00', 97, 90, 99, 99, 98, 60),
  ('c-002', 'cpu_util_pct', TIMESTAMP '2025-05-01 09:00:00', 20, 10, 30, 28, 22, 60),
  ('c-002', 'cpu_util_pct', TIMESTAMP '2025-05-01 10:00:00', 25, 10, 35, 30, 24, 60);
