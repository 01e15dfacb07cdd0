-- bootstrap

CREATE DATABASE IF NOT EXISTS metrics;

CREATE DATABASE IF NOT EXISTS byoc;

CREATE DATABASE IF NOT EXISTS alerts;

CREATE TABLE IF NOT EXISTS alerts.schema_version (
  version    INT NOT NULL,
  name       STRING NOT NULL,
  checksum   STRING NOT NULL,
  applied_at DATETIME NOT NULL
)
PRIMARY KEY (version)
DISTRIBUTED BY HASH (version)
PROPERTIES ('enable_persistent_index' = 'true');

-- V001__metrics

CREATE TABLE IF NOT EXISTS metrics.metrics_table (
  ts          DATETIME NOT NULL,
  cluster_id  STRING NOT NULL,
  node_id     STRING,
  metric_name STRING NOT NULL,
  value       DOUBLE,
  ingested_at DATETIME NOT NULL
)
DUPLICATE KEY (ts, cluster_id)
PARTITION BY date_trunc('day', ts)
DISTRIBUTED BY HASH (cluster_id);

CREATE TABLE IF NOT EXISTS metrics.hourly_snapshots_backfill (
  cluster_id    STRING NOT NULL,
  metric_name   STRING NOT NULL,
  snapshot_hour DATETIME NOT NULL,
  avg_value     DOUBLE,
  min_value     DOUBLE,
  max_value     DOUBLE,
  p95_value     DOUBLE,
  last_value    DOUBLE,
  sample_count  BIGINT
)
DUPLICATE KEY (cluster_id, metric_name, snapshot_hour)
PARTITION BY date_trunc('day', snapshot_hour)
DISTRIBUTED BY HASH (cluster_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS metrics.amv_hourly_snapshots_v1
DISTRIBUTED BY HASH (cluster_id)
REFRESH ASYNC EVERY (INTERVAL 1 HOUR)
PARTITION BY date_trunc('day', snapshot_hour)
AS
SELECT cluster_id, metric_name, date_trunc('hour', ts) AS snapshot_hour,
       avg(value) AS avg_value, min(value) AS min_value, max(value) AS max_value,
       percentile_approx(value, 0.95) AS p95_value, max_by(value, ts) AS last_value,
       count(*) AS sample_count
FROM metrics.metrics_table
GROUP BY cluster_id, metric_name, date_trunc('hour', ts)
UNION ALL
SELECT cluster_id, metric_name, snapshot_hour,
       avg_value, min_value, max_value, p95_value, last_value, sample_count
FROM metrics.hourly_snapshots_backfill;

CREATE TABLE IF NOT EXISTS metrics.rollup_state (
  rollup_name     STRING NOT NULL,
  watermark       DATETIME,
  refreshed_at    DATETIME,
  hours_refreshed INT,
  rows_written    BIGINT
)
PRIMARY KEY (rollup_name)
DISTRIBUTED BY HASH (rollup_name)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS metrics.metric_dictionary (
  metric_name    STRING NOT NULL,
  category       STRING NOT NULL,
  unit           STRING NOT NULL,
  description    STRING NOT NULL,
  aggregation    STRING NOT NULL,
  direction      STRING NOT NULL,
  warn_threshold DOUBLE,
  crit_threshold DOUBLE
)
PRIMARY KEY (metric_name)
DISTRIBUTED BY HASH (metric_name)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS metrics.dim_customer_profile (
  org_id        STRING NOT NULL,
  customer_name STRING NOT NULL,
  tier          STRING NOT NULL,
  region        STRING,
  industry      STRING,
  owner         STRING
)
PRIMARY KEY (org_id)
DISTRIBUTED BY HASH (org_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE OR REPLACE VIEW metrics.v_hourly_snapshots_v5 AS
SELECT s.cluster_id, s.metric_name, s.snapshot_hour,
       s.avg_value, s.min_value, s.max_value, s.p95_value, s.last_value, s.sample_count,
       d.category, d.unit, d.direction, d.warn_threshold, d.crit_threshold,
       CASE
         WHEN d.direction = 'higher_is_worse' AND s.max_value >= d.crit_threshold THEN 'critical'
         WHEN d.direction = 'higher_is_worse' AND s.max_value >= d.warn_threshold THEN 'warning'
         WHEN d.direction = 'lower_is_worse' AND s.min_value <= d.crit_threshold THEN 'critical'
         WHEN d.direction = 'lower_is_worse' AND s.min_value <= d.warn_threshold THEN 'warning'
         ELSE 'ok'
       END AS band
FROM metrics.amv_hourly_snapshots_v1 s
JOIN metrics.metric_dictionary d ON d.metric_name = s.metric_name;

-- V002__byoc

CREATE TABLE IF NOT EXISTS byoc.organization (
  org_id          VARCHAR(64) NOT NULL,
  org_name        VARCHAR(256),
  root_account_id VARCHAR(64),
  payment_type    VARCHAR(32),
  ccu_balance     DECIMAL(18,6),
  contract_start  DATE,
  contract_end    DATE,
  created_at      DATETIME,
  status          VARCHAR(16)
)
PRIMARY KEY (org_id)
DISTRIBUTED BY HASH (org_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS byoc.account (
  account_id   VARCHAR(64) NOT NULL,
  org_id       VARCHAR(64),
  account_name VARCHAR(256),
  is_root      BOOLEAN,
  support_tier VARCHAR(32),
  created_at   DATETIME,
  deleted      BOOLEAN
)
PRIMARY KEY (account_id)
DISTRIBUTED BY HASH (account_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS byoc.deployment_credential (
  cred_id          VARCHAR(64) NOT NULL,
  account_id       VARCHAR(64),
  csp              VARCHAR(8),
  name             VARCHAR(256),
  role_arn         VARCHAR(512),
  external_id      VARCHAR(128),
  trust_account_id VARCHAR(64),
  policy_version   VARCHAR(16),
  created_at       DATETIME,
  check_err_msg    VARCHAR(1024)
)
PRIMARY KEY (cred_id)
DISTRIBUTED BY HASH (cred_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS byoc.data_credential (
  cred_id              VARCHAR(64) NOT NULL,
  account_id           VARCHAR(64),
  csp                  VARCHAR(8),
  region               VARCHAR(32),
  name                 VARCHAR(256),
  role_arn             VARCHAR(512),
  instance_profile_arn VARCHAR(512),
  bucket_name          VARCHAR(256),
  storage_account_name VARCHAR(128),
  container_name       VARCHAR(128),
  policy_version       VARCHAR(16),
  created_at           DATETIME
)
PRIMARY KEY (cred_id)
DISTRIBUTED BY HASH (cred_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS byoc.network_config (
  net_iface_id           VARCHAR(64) NOT NULL,
  account_id             VARCHAR(64),
  csp                    VARCHAR(8),
  region                 VARCHAR(32),
  name                   VARCHAR(256),
  deploy_cred_id         VARCHAR(64),
  subnet_id              VARCHAR(64),
  subnet_ids             JSON,
  security_group_id      VARCHAR(64),
  vpc_endpoint_id        VARCHAR(64),
  public_access          BOOLEAN,
  azure_vnet_resource_id VARCHAR(512),
  check_err_msg          VARCHAR(1024),
  created_at             DATETIME
)
PRIMARY KEY (net_iface_id)
DISTRIBUTED BY HASH (net_iface_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS byoc.cluster (
  cluster_id             VARCHAR(64) NOT NULL,
  account_id             VARCHAR(64),
  cluster_name           VARCHAR(256),
  cluster_type           VARCHAR(16),
  csp                    VARCHAR(8),
  region                 VARCHAR(32),
  cluster_state          VARCHAR(16),
  abnormal_reason        VARCHAR(1024),
  cluster_version        VARCHAR(32),
  release_version        VARCHAR(16),
  deploy_cred_id         VARCHAR(64),
  data_cred_id           VARCHAR(64),
  net_iface_id           VARCHAR(64),
  free_tier              BOOLEAN,
  is_multi_warehouse     BOOLEAN,
  query_port             INT,
  idle_suspend_interval  INT,
  ssl_conn_enable        BOOLEAN,
  disable_public_access  BOOLEAN,
  termination_protection BOOLEAN,
  tags                   JSON,
  created_at             DATETIME,
  released_at            DATETIME,
  updated_at             DATETIME
)
PRIMARY KEY (cluster_id)
DISTRIBUTED BY HASH (cluster_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS byoc.cluster_resource (
  resource_id          VARCHAR(64) NOT NULL,
  cluster_id           VARCHAR(64),
  resource_type        VARCHAR(16),
  name                 VARCHAR(128),
  state                VARCHAR(16),
  is_default_warehouse BOOLEAN,
  instance_type        VARCHAR(64),
  node_count           INT,
  cngroup_count        INT,
  cngroup_size         INT,
  vm_vol_size_gb       BIGINT,
  vm_vol_num           INT,
  iops                 BIGINT,
  throughput           BIGINT,
  is_instance_store    BOOLEAN,
  distribution_policy  VARCHAR(16),
  specified_azs        JSON,
  resume_with_cluster  BOOLEAN,
  created_at           DATETIME,
  deleted              BOOLEAN
)
PRIMARY KEY (resource_id)
DISTRIBUTED BY HASH (resource_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS byoc.node (
  node_id        VARCHAR(64) NOT NULL,
  cluster_id     VARCHAR(64),
  resource_id    VARCHAR(64),
  node_type      VARCHAR(16),
  fe_role        VARCHAR(16),
  vm_instance_id VARCHAR(64),
  instance_type  VARCHAR(64),
  az             VARCHAR(32),
  private_ip     VARCHAR(64),
  http_port      INT,
  state          VARCHAR(16),
  sr_version     VARCHAR(32),
  started_at     DATETIME,
  last_heartbeat DATETIME,
  terminated_at  DATETIME
)
PRIMARY KEY (node_id)
DISTRIBUTED BY HASH (node_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS byoc.vm_spec (
  csp             VARCHAR(8) NOT NULL,
  region          VARCHAR(32) NOT NULL,
  instance_type   VARCHAR(64) NOT NULL,
  node_role       VARCHAR(16) NOT NULL,
  instance_family VARCHAR(32),
  vcpu            INT,
  memory_gb       INT,
  arch            VARCHAR(8),
  local_ssd_gb    INT,
  supported       BOOLEAN
)
PRIMARY KEY (csp, region, instance_type, node_role)
DISTRIBUTED BY HASH (instance_type)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS byoc.ccu_rate (
  csp            VARCHAR(8) NOT NULL,
  instance_type  VARCHAR(64) NOT NULL,
  node_type      VARCHAR(16) NOT NULL,
  effective_from DATE NOT NULL,
  ccu_per_hour   DECIMAL(10,4),
  usd_per_ccu    DECIMAL(10,4),
  effective_to   DATE
)
PRIMARY KEY (csp, instance_type, node_type, effective_from)
DISTRIBUTED BY HASH (instance_type)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS byoc.cluster_action (
  action_id    VARCHAR(64) NOT NULL,
  cluster_id   VARCHAR(64),
  resource_id  VARCHAR(64),
  action_type  VARCHAR(32),
  requested_by VARCHAR(128),
  source       VARCHAR(16),
  from_value   VARCHAR(128),
  to_value     VARCHAR(128),
  state        VARCHAR(16),
  err_msg      VARCHAR(2048),
  started_at   DATETIME,
  finished_at  DATETIME
)
PRIMARY KEY (action_id)
DISTRIBUTED BY HASH (action_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS byoc.cluster_state_history (
  cluster_id      VARCHAR(64) NOT NULL,
  changed_at      DATETIME NOT NULL,
  from_state      VARCHAR(16),
  to_state        VARCHAR(16),
  abnormal_reason VARCHAR(1024),
  action_id       VARCHAR(64)
)
PRIMARY KEY (cluster_id, changed_at)
PARTITION BY date_trunc('month', changed_at)
DISTRIBUTED BY HASH (cluster_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS byoc.autoscaling_policy (
  policy_id    VARCHAR(64) NOT NULL,
  cluster_id   VARCHAR(64),
  resource_id  VARCHAR(64),
  policy_kind  VARCHAR(16),
  min_size     INT,
  max_size     INT,
  scaling_unit VARCHAR(8),
  policy_json  JSON,
  enabled      BOOLEAN,
  updated_at   DATETIME
)
PRIMARY KEY (policy_id)
DISTRIBUTED BY HASH (policy_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS byoc.bill_detail (
  bill_date                DATE NOT NULL,
  bill_hour                TINYINT NOT NULL,
  org_id                   VARCHAR(64),
  account_id               VARCHAR(64),
  cluster_id               VARCHAR(64) NOT NULL,
  resource_id              VARCHAR(64) NOT NULL,
  node_type                VARCHAR(16) NOT NULL,
  instance_type            VARCHAR(64),
  node_count               INT,
  uptime_hours             DECIMAL(10,4),
  ccu_rate                 DECIMAL(10,4),
  ccu_usage                DECIMAL(18,6),
  ccu_usage_after_discount DECIMAL(18,6),
  usd_cost                 DECIMAL(18,6)
)
DUPLICATE KEY (bill_date, bill_hour)
PARTITION BY date_trunc('day', bill_date)
DISTRIBUTED BY HASH (cluster_id);

CREATE TABLE IF NOT EXISTS byoc.billing_order (
  order_id            VARCHAR(64) NOT NULL,
  org_id              VARCHAR(64),
  billing_period      VARCHAR(7),
  ccu_before_discount DECIMAL(18,2),
  ccu_after_discount  DECIMAL(18,2),
  ccu_balance_cost    DECIMAL(18,2),
  usd_cost            DECIMAL(18,2),
  payment_type        VARCHAR(32),
  status              VARCHAR(16),
  issued_at           DATETIME,
  paid_at             DATETIME
)
PRIMARY KEY (order_id)
DISTRIBUTED BY HASH (order_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS byoc.ccu_weekly_rollup (
  week_start      DATE NOT NULL,
  cluster_id      VARCHAR(64) NOT NULL,
  org_id          VARCHAR(64),
  account_id      VARCHAR(64),
  ccu_usage       DECIMAL(18,6),
  usd_cost        DECIMAL(18,6),
  running_hours   DECIMAL(10,2),
  suspended_hours DECIMAL(10,2),
  avg_node_count  DECIMAL(10,2),
  peak_node_count INT,
  wow_change_pct  DECIMAL(8,2)
)
PRIMARY KEY (week_start, cluster_id)
DISTRIBUTED BY HASH (cluster_id)
PROPERTIES ('enable_persistent_index' = 'true');

-- V003__enriched_view

CREATE OR REPLACE VIEW metrics.v_hourly_snapshots_v6 AS
SELECT v.*,
       c.cluster_name, c.cluster_type, c.cluster_version, c.csp, c.region, c.cluster_state,
       a.org_id, p.customer_name, p.tier, p.industry, p.owner
FROM metrics.v_hourly_snapshots_v5 v
JOIN byoc.cluster c ON c.cluster_id = v.cluster_id
JOIN byoc.account a ON a.account_id = c.account_id
LEFT JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id;

-- V004__alerts

CREATE TABLE IF NOT EXISTS alerts.lark_alerts (
  message_id        VARCHAR(64) NOT NULL,
  source            VARCHAR(32) NOT NULL,
  source_message_id VARCHAR(128),
  alert_id          VARCHAR(128),
  status            VARCHAR(16) NOT NULL,
  severity          VARCHAR(16) NOT NULL,
  alert_name        VARCHAR(256),
  cluster_id        VARCHAR(64),
  cluster_ref       VARCHAR(256),
  node              VARCHAR(256),
  summary           STRING,
  description       STRING,
  labels            JSON,
  annotations       JSON,
  starts_at         DATETIME,
  ends_at           DATETIME,
  fingerprint       VARCHAR(128),
  generator_url     VARCHAR(2048),
  received_at       DATETIME NOT NULL,
  parse_status      VARCHAR(16) NOT NULL,
  parse_error       VARCHAR(1024),
  ingest_run_id     VARCHAR(64),
  issue_id          BIGINT,
  raw_payload       STRING
)
PRIMARY KEY (message_id)
DISTRIBUTED BY HASH (message_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS alerts.ingest_runs (
  run_id          VARCHAR(64) NOT NULL,
  kind            VARCHAR(32) NOT NULL,
  window_from     DATETIME,
  window_to       DATETIME,
  started_at      DATETIME NOT NULL,
  finished_at     DATETIME,
  status          VARCHAR(16) NOT NULL,
  pages           INT,
  messages        INT,
  alerts_inserted INT,
  duplicates      INT,
  unparsed        INT,
  unmapped        INT,
  error           VARCHAR(2048),
  requested_by    VARCHAR(256)
)
PRIMARY KEY (run_id)
DISTRIBUTED BY HASH (run_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS alerts.issues (
  issue_id         BIGINT NOT NULL,
  grouping_key     VARCHAR(512) NOT NULL,
  cluster_id       VARCHAR(64),
  alert_name       VARCHAR(256),
  title            VARCHAR(512),
  summary          STRING,
  severity         VARCHAR(16) NOT NULL,
  status           VARCHAR(16) NOT NULL,
  assignee         VARCHAR(256),
  first_seen       DATETIME,
  last_seen        DATETIME,
  created_at       DATETIME NOT NULL,
  updated_at       DATETIME NOT NULL,
  acknowledged_at  DATETIME,
  resolved_at      DATETIME,
  closed_at        DATETIME,
  silenced_until   DATETIME,
  alert_count      INT,
  firing_count     INT,
  reopen_count     INT,
  affected_nodes   JSON,
  fingerprints     JSON,
  merged_into      BIGINT,
  related_issues   JSON,
  ai_issue_id      VARCHAR(64),
  explanation      JSON
)
PRIMARY KEY (issue_id)
DISTRIBUTED BY HASH (issue_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS alerts.issue_events (
  event_id    VARCHAR(64) NOT NULL,
  issue_id    BIGINT NOT NULL,
  event_type  VARCHAR(32) NOT NULL,
  actor       VARCHAR(256),
  created_at  DATETIME NOT NULL,
  from_status VARCHAR(16),
  to_status   VARCHAR(16),
  note        STRING,
  details     JSON
)
DUPLICATE KEY (event_id, issue_id)
PARTITION BY date_trunc('day', created_at)
DISTRIBUTED BY HASH (issue_id);

CREATE TABLE IF NOT EXISTS alerts.alert_recommendations (
  recommendation_id VARCHAR(64) NOT NULL,
  issue_id          BIGINT,
  cluster_id        VARCHAR(64),
  alert_name        VARCHAR(256),
  created_at        DATETIME NOT NULL,
  source            VARCHAR(16) NOT NULL,
  recommendation    STRING NOT NULL,
  knowledge_doc_ids JSON,
  model             VARCHAR(128)
)
PRIMARY KEY (recommendation_id)
DISTRIBUTED BY HASH (recommendation_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS alerts.cluster_health_scores (
  cluster_id       VARCHAR(64) NOT NULL,
  scored_at        DATETIME NOT NULL,
  window_start     DATETIME,
  window_end       DATETIME,
  score            DOUBLE,
  status           VARCHAR(16) NOT NULL,
  availability     DOUBLE,
  resources        DOUBLE,
  query            DOUBLE,
  ingestion        DOUBLE,
  stability        DOUBLE,
  alert_pressure   DOUBLE,
  explanation      JSON
)
PRIMARY KEY (cluster_id, scored_at)
PARTITION BY date_trunc('day', scored_at)
DISTRIBUTED BY HASH (cluster_id)
PROPERTIES ('enable_persistent_index' = 'true', 'partition_live_number' = '400');

CREATE TABLE IF NOT EXISTS alerts.cluster_risk_snapshots (
  cluster_id           VARCHAR(64) NOT NULL,
  snapshot_hour        DATETIME NOT NULL,
  risk_level           VARCHAR(16) NOT NULL,
  risk_score           DOUBLE,
  health_score         DOUBLE,
  health_trend_24h     DOUBLE,
  nearest_breach_at    DATETIME,
  nearest_breach_metric VARCHAR(64),
  open_critical_issues INT,
  tier                 VARCHAR(4),
  factors              JSON
)
PRIMARY KEY (cluster_id, snapshot_hour)
PARTITION BY date_trunc('day', snapshot_hour)
DISTRIBUTED BY HASH (cluster_id)
PROPERTIES ('enable_persistent_index' = 'true', 'partition_live_number' = '180');

CREATE TABLE IF NOT EXISTS alerts.capacity_forecasts (
  cluster_id     VARCHAR(64) NOT NULL,
  metric_name    VARCHAR(64) NOT NULL,
  computed_at    DATETIME NOT NULL,
  method         VARCHAR(32),
  status         VARCHAR(24) NOT NULL,
  current_value  DOUBLE,
  threshold      DOUBLE,
  slope_per_day  DOUBLE,
  breach_at      DATETIME,
  breach_earliest DATETIME,
  breach_latest  DATETIME,
  horizon_days   INT,
  fit_quality    DOUBLE,
  details        JSON
)
PRIMARY KEY (cluster_id, metric_name, computed_at)
PARTITION BY date_trunc('day', computed_at)
DISTRIBUTED BY HASH (cluster_id)
PROPERTIES ('enable_persistent_index' = 'true', 'partition_live_number' = '180');

CREATE TABLE IF NOT EXISTS alerts.agent_tasks (
  task_id          VARCHAR(64) NOT NULL,
  cluster_id       VARCHAR(64),
  issue_id         BIGINT,
  trigger_type     VARCHAR(32) NOT NULL,
  trigger_ref      VARCHAR(256),
  priority         INT NOT NULL,
  status           VARCHAR(16) NOT NULL,
  created_at       DATETIME NOT NULL,
  started_at       DATETIME,
  finished_at      DATETIME,
  cooldown_until   DATETIME,
  investigation_id VARCHAR(64),
  details          JSON
)
PRIMARY KEY (task_id)
DISTRIBUTED BY HASH (task_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS alerts.agent_investigations (
  investigation_id VARCHAR(64) NOT NULL,
  task_id          VARCHAR(64),
  issue_id         BIGINT,
  cluster_id       VARCHAR(64),
  status           VARCHAR(16) NOT NULL,
  mode             VARCHAR(16) NOT NULL,
  started_at       DATETIME NOT NULL,
  finished_at      DATETIME,
  root_cause       VARCHAR(32),
  confidence       DOUBLE,
  severity         VARCHAR(16),
  escalate         BOOLEAN,
  summary          STRING,
  hypotheses       JSON,
  evidence         JSON,
  actions          JSON,
  steps            JSON,
  model            VARCHAR(128),
  error            VARCHAR(2048),
  feedback         VARCHAR(16)
)
PRIMARY KEY (investigation_id)
DISTRIBUTED BY HASH (investigation_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS alerts.patrol_reports (
  report_id        VARCHAR(64) NOT NULL,
  started_at       DATETIME NOT NULL,
  finished_at      DATETIME,
  mode             VARCHAR(16) NOT NULL,
  status           VARCHAR(16) NOT NULL,
  summary          STRING,
  problem_clusters JSON,
  patterns         JSON,
  changes          JSON,
  findings         JSON,
  model            VARCHAR(128),
  error            VARCHAR(2048)
)
PRIMARY KEY (report_id)
DISTRIBUTED BY HASH (report_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS alerts.llm_usage (
  usage_id           VARCHAR(64) NOT NULL,
  created_at         DATETIME NOT NULL,
  agent              VARCHAR(32) NOT NULL,
  provider           VARCHAR(32) NOT NULL,
  model              VARCHAR(128),
  input_tokens       BIGINT,
  output_tokens      BIGINT,
  cache_read_tokens  BIGINT,
  cache_write_tokens BIGINT,
  cost_usd           DOUBLE,
  latency_ms         BIGINT,
  outcome            VARCHAR(32) NOT NULL,
  investigation_id   VARCHAR(64),
  patrol_report_id   VARCHAR(64),
  chat_session_id    VARCHAR(64),
  cluster_id         VARCHAR(64),
  error              VARCHAR(2048)
)
DUPLICATE KEY (usage_id, created_at)
PARTITION BY date_trunc('day', created_at)
DISTRIBUTED BY HASH (usage_id)
PROPERTIES ('partition_live_number' = '400');

CREATE TABLE IF NOT EXISTS alerts.chat_sessions (
  session_id VARCHAR(64) NOT NULL,
  user_id    VARCHAR(64) NOT NULL,
  title      VARCHAR(256),
  summary    STRING,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  deleted    BOOLEAN
)
PRIMARY KEY (session_id)
DISTRIBUTED BY HASH (session_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS alerts.chat_messages (
  message_id VARCHAR(64) NOT NULL,
  session_id VARCHAR(64) NOT NULL,
  seq        INT NOT NULL,
  role       VARCHAR(16) NOT NULL,
  content    STRING,
  tool_calls JSON,
  tokens     INT,
  created_at DATETIME NOT NULL
)
PRIMARY KEY (message_id)
DISTRIBUTED BY HASH (message_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS alerts.knowledge_documents (
  doc_id            VARCHAR(128) NOT NULL,
  kind              VARCHAR(32) NOT NULL,
  title             VARCHAR(512) NOT NULL,
  body              STRING NOT NULL,
  tags              JSON,
  affected_versions JSON,
  fixed_versions    JSON,
  source            VARCHAR(1024),
  revision          INT NOT NULL,
  created_at        DATETIME NOT NULL,
  updated_at        DATETIME NOT NULL,
  updated_by        VARCHAR(256),
  deleted           BOOLEAN
)
PRIMARY KEY (doc_id)
DISTRIBUTED BY HASH (doc_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS alerts.users (
  user_id          VARCHAR(64) NOT NULL,
  email            VARCHAR(320) NOT NULL,
  display_name     VARCHAR(256),
  password_hash    VARCHAR(512),
  role             VARCHAR(16) NOT NULL,
  status           VARCHAR(16) NOT NULL,
  external_subject VARCHAR(256),
  created_at       DATETIME NOT NULL,
  updated_at       DATETIME NOT NULL,
  last_login_at    DATETIME
)
PRIMARY KEY (user_id)
DISTRIBUTED BY HASH (user_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS alerts.invites (
  invite_id  VARCHAR(64) NOT NULL,
  email      VARCHAR(320) NOT NULL,
  role       VARCHAR(16) NOT NULL,
  token_hash VARCHAR(128) NOT NULL,
  invited_by VARCHAR(64),
  created_at DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  used_at    DATETIME
)
PRIMARY KEY (invite_id)
DISTRIBUTED BY HASH (invite_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS alerts.user_settings (
  user_id       VARCHAR(64) NOT NULL,
  setting_key   VARCHAR(128) NOT NULL,
  setting_value JSON,
  updated_at    DATETIME NOT NULL
)
PRIMARY KEY (user_id, setting_key)
DISTRIBUTED BY HASH (user_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS alerts.notification_channels (
  channel_id   VARCHAR(64) NOT NULL,
  name         VARCHAR(256) NOT NULL,
  kind         VARCHAR(32) NOT NULL,
  config       JSON,
  min_severity VARCHAR(16),
  enabled      BOOLEAN NOT NULL,
  created_at   DATETIME NOT NULL,
  updated_at   DATETIME NOT NULL
)
PRIMARY KEY (channel_id)
DISTRIBUTED BY HASH (channel_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS alerts.scheduler_locks (
  name       VARCHAR(64) NOT NULL,
  lock_until DATETIME NOT NULL,
  locked_at  DATETIME NOT NULL,
  locked_by  VARCHAR(255) NOT NULL
)
PRIMARY KEY (name)
DISTRIBUTED BY HASH (name)
PROPERTIES ('enable_persistent_index' = 'true');

-- V005__auth

CREATE TABLE IF NOT EXISTS alerts.refresh_tokens (
  token_hash VARCHAR(64) NOT NULL,
  family_id  VARCHAR(64) NOT NULL,
  user_id    VARCHAR(64) NOT NULL,
  issued_at  DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  used_at    DATETIME,
  revoked_at DATETIME
)
PRIMARY KEY (token_hash)
DISTRIBUTED BY HASH (token_hash)
PROPERTIES ('enable_persistent_index' = 'true');

-- V006__health

CREATE TABLE IF NOT EXISTS alerts.forecast_backtests (
  computed_at    DATETIME NOT NULL,
  as_of          DATETIME NOT NULL,
  tolerance_days DOUBLE NOT NULL,
  predictions    INT,
  actual_breaches INT,
  hits           INT,
  misses         INT,
  false_alarms   INT,
  hit_rate       DOUBLE,
  mae_days       DOUBLE,
  summary        JSON
)
PRIMARY KEY (computed_at)
DISTRIBUTED BY HASH (computed_at)
PROPERTIES ('enable_persistent_index' = 'true');

-- V007__issues

CREATE TABLE IF NOT EXISTS alerts.issue_alerts (
  message_id   VARCHAR(64) NOT NULL,
  issue_id     BIGINT,
  grouping_key VARCHAR(512) NOT NULL,
  instance_key VARCHAR(512) NOT NULL,
  status       VARCHAR(16) NOT NULL,
  severity     VARCHAR(16),
  alert_name   VARCHAR(256),
  node         VARCHAR(256),
  fingerprint  VARCHAR(128),
  event_at     DATETIME NOT NULL,
  grouped_at   DATETIME NOT NULL
)
PRIMARY KEY (message_id)
DISTRIBUTED BY HASH (message_id)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS alerts.ai_issues (
  ai_issue_id         VARCHAR(64) NOT NULL,
  title               VARCHAR(512) NOT NULL,
  alert_family        VARCHAR(256),
  severity            VARCHAR(16),
  summary             STRING,
  summary_source      VARCHAR(16) NOT NULL,
  suggested_next_step STRING,
  knowledge_doc_ids   JSON,
  clusters            JSON,
  issue_ids           JSON,
  shared_attributes   JSON,
  evidence            JSON,
  first_seen          DATETIME,
  last_seen           DATETIME,
  computed_at         DATETIME NOT NULL,
  active              BOOLEAN NOT NULL,
  input_tokens        BIGINT,
  output_tokens       BIGINT
)
PRIMARY KEY (ai_issue_id)
DISTRIBUTED BY HASH (ai_issue_id)
PROPERTIES ('enable_persistent_index' = 'true');

-- V013__chat

CREATE TABLE IF NOT EXISTS alerts.chat_mcp_servers (
  name       VARCHAR(32) NOT NULL,
  url        VARCHAR(1024) NOT NULL,
  headers    STRING,
  writable   BOOLEAN NOT NULL,
  created_by VARCHAR(64),
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL
)
PRIMARY KEY (name)
DISTRIBUTED BY HASH (name)
PROPERTIES ('enable_persistent_index' = 'true');

