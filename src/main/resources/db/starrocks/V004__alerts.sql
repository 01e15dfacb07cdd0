-- alerts: operational data of the product itself. Same tables, columns and column order as
-- db/duckdb/V004__alerts.sql; TIMESTAMP -> DATETIME, INTEGER -> INT, VARCHAR -> STRING.
-- Entities are PRIMARY KEY tables with the persistent index (key index on disk, not in BE memory).
-- Where DuckDB keys a time series by (..., time) and the key columns lead the table, the table is a
-- PRIMARY KEY table partitioned by day: same key semantics as DuckDB (a re-run replaces its rows
-- instead of duplicating them) and the day partitions of a fact. Facts without such a key are
-- DUPLICATE KEY tables partitioned by day.
-- Replicas come from the FE's default_replication_num (see bootstrap.sql; a single-BE dev cluster needs 1).

-- Every normalized alert, one row per alert (a Lark card may hold several).
-- message_id is the dedup key: SHA-256 over (source, fingerprint, status, startsAt) for webhooks,
-- over (lark message id, index in card) for Lark. A redelivery writes the same message_id, and the
-- PRIMARY KEY table keeps one row (the latest write wins; it does not reject the duplicate).
-- Not partitioned: a partition column would have to join the key, and received_at does not lead.
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

-- One row per Lark pipeline / loader / webhook batch run.
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

-- Lifecycle audit: append-only, one partition a day, an issue's events in one bucket.
-- event_id is unique by construction (DuckDB's key); a DUPLICATE KEY table cannot enforce it,
-- and a PRIMARY KEY table would need created_at in the key, which does not lead the table.
-- No retention: the audit trail lives as long as its issues.
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

-- Scores are kept as history (a year and a month of daily partitions).
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

-- One row per cluster and hour (~85k rows a day for the whole fleet): half a year is kept.
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

-- Recomputed regularly; older forecasts only serve to judge how good the forecasts were.
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

-- One row per LLM call: an append-only fact, one partition a day, kept for a year and a month
-- so yearly cost reports still add up. usage_id is unique by construction (DuckDB's key).
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

-- Messages are appended, but they belong to an entity: they live and die with their session
-- (deleting a session deletes its messages, which PRIMARY KEY tables do cheaply), volume is small
-- (chat is on demand), and a retried write of the same message_id must not show it twice. So a
-- PRIMARY KEY table keyed like DuckDB, unpartitioned: a day partition would put created_at into
-- the key, and it does not lead the table.
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

-- doc_id may hold up to 128 characters, but StarRocks limits an encoded primary key to 128 bytes
-- by default (BE primary_key_limit_size): keep document ids well under that.
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

-- StarRocks has no UNIQUE constraint: DuckDB's UNIQUE on email must be checked by the application.
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

-- ShedLock's table: one row per scheduled job; replicas take the lock before running.
CREATE TABLE IF NOT EXISTS alerts.scheduler_locks (
  name       VARCHAR(64) NOT NULL,
  lock_until DATETIME NOT NULL,
  locked_at  DATETIME NOT NULL,
  locked_by  VARCHAR(255) NOT NULL
)
PRIMARY KEY (name)
DISTRIBUTED BY HASH (name)
PROPERTIES ('enable_persistent_index' = 'true');
