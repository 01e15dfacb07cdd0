-- alerts: operational data of the product itself. Columns cover the later features
-- (ingestion, issues, health, risk, forecasts, agents, chat, knowledge, auth, settings).

-- Every normalized alert, one row per alert (a Lark card may hold several).
-- message_id is the dedup key: SHA-256 over (source, fingerprint, status, startsAt) for webhooks,
-- over (lark message id, index in card) for Lark.
CREATE TABLE IF NOT EXISTS alerts.lark_alerts (
  message_id        VARCHAR(64) PRIMARY KEY,
  source            VARCHAR(32) NOT NULL,
  source_message_id VARCHAR(128),
  alert_id          VARCHAR(128),
  status            VARCHAR(16) NOT NULL,
  severity          VARCHAR(16) NOT NULL,
  alert_name        VARCHAR(256),
  cluster_id        VARCHAR(64),
  cluster_ref       VARCHAR(256),
  node              VARCHAR(256),
  summary           VARCHAR,
  description       VARCHAR,
  labels            JSON,
  annotations       JSON,
  starts_at         TIMESTAMP,
  ends_at           TIMESTAMP,
  fingerprint       VARCHAR(128),
  generator_url     VARCHAR(2048),
  received_at       TIMESTAMP NOT NULL,
  parse_status      VARCHAR(16) NOT NULL,
  parse_error       VARCHAR(1024),
  ingest_run_id     VARCHAR(64),
  issue_id          BIGINT,
  raw_payload       VARCHAR
);

-- One row per Lark pipeline / loader / webhook batch run.
CREATE TABLE IF NOT EXISTS alerts.ingest_runs (
  run_id          VARCHAR(64) PRIMARY KEY,
  kind            VARCHAR(32) NOT NULL,
  window_from     TIMESTAMP,
  window_to       TIMESTAMP,
  started_at      TIMESTAMP NOT NULL,
  finished_at     TIMESTAMP,
  status          VARCHAR(16) NOT NULL,
  pages           INTEGER,
  messages        INTEGER,
  alerts_inserted INTEGER,
  duplicates      INTEGER,
  unparsed        INTEGER,
  unmapped        INTEGER,
  error           VARCHAR(2048),
  requested_by    VARCHAR(256)
);

CREATE TABLE IF NOT EXISTS alerts.issues (
  issue_id         BIGINT PRIMARY KEY,
  grouping_key     VARCHAR(512) NOT NULL,
  cluster_id       VARCHAR(64),
  alert_name       VARCHAR(256),
  title            VARCHAR(512),
  summary          VARCHAR,
  severity         VARCHAR(16) NOT NULL,
  status           VARCHAR(16) NOT NULL,
  assignee         VARCHAR(256),
  first_seen       TIMESTAMP,
  last_seen        TIMESTAMP,
  created_at       TIMESTAMP NOT NULL,
  updated_at       TIMESTAMP NOT NULL,
  acknowledged_at  TIMESTAMP,
  resolved_at      TIMESTAMP,
  closed_at        TIMESTAMP,
  silenced_until   TIMESTAMP,
  alert_count      INTEGER,
  firing_count     INTEGER,
  reopen_count     INTEGER,
  affected_nodes   JSON,
  fingerprints     JSON,
  merged_into      BIGINT,
  related_issues   JSON,
  ai_issue_id      VARCHAR(64),
  explanation      JSON
);

CREATE TABLE IF NOT EXISTS alerts.issue_events (
  event_id    VARCHAR(64) PRIMARY KEY,
  issue_id    BIGINT NOT NULL,
  event_type  VARCHAR(32) NOT NULL,
  actor       VARCHAR(256),
  created_at  TIMESTAMP NOT NULL,
  from_status VARCHAR(16),
  to_status   VARCHAR(16),
  note        VARCHAR,
  details     JSON
);

CREATE TABLE IF NOT EXISTS alerts.alert_recommendations (
  recommendation_id VARCHAR(64) PRIMARY KEY,
  issue_id          BIGINT,
  cluster_id        VARCHAR(64),
  alert_name        VARCHAR(256),
  created_at        TIMESTAMP NOT NULL,
  source            VARCHAR(16) NOT NULL,
  recommendation    VARCHAR NOT NULL,
  knowledge_doc_ids JSON,
  model             VARCHAR(128)
);

CREATE TABLE IF NOT EXISTS alerts.cluster_health_scores (
  cluster_id       VARCHAR(64) NOT NULL,
  scored_at        TIMESTAMP NOT NULL,
  window_start     TIMESTAMP,
  window_end       TIMESTAMP,
  score            DOUBLE,
  status           VARCHAR(16) NOT NULL,
  availability     DOUBLE,
  resources        DOUBLE,
  query            DOUBLE,
  ingestion        DOUBLE,
  stability        DOUBLE,
  alert_pressure   DOUBLE,
  explanation      JSON,
  PRIMARY KEY (cluster_id, scored_at)
);

CREATE TABLE IF NOT EXISTS alerts.cluster_risk_snapshots (
  cluster_id           VARCHAR(64) NOT NULL,
  snapshot_hour        TIMESTAMP NOT NULL,
  risk_level           VARCHAR(16) NOT NULL,
  risk_score           DOUBLE,
  health_score         DOUBLE,
  health_trend_24h     DOUBLE,
  nearest_breach_at    TIMESTAMP,
  nearest_breach_metric VARCHAR(64),
  open_critical_issues INTEGER,
  tier                 VARCHAR(4),
  factors              JSON,
  PRIMARY KEY (cluster_id, snapshot_hour)
);

CREATE TABLE IF NOT EXISTS alerts.capacity_forecasts (
  cluster_id     VARCHAR(64) NOT NULL,
  metric_name    VARCHAR(64) NOT NULL,
  computed_at    TIMESTAMP NOT NULL,
  method         VARCHAR(32),
  status         VARCHAR(24) NOT NULL,
  current_value  DOUBLE,
  threshold      DOUBLE,
  slope_per_day  DOUBLE,
  breach_at      TIMESTAMP,
  breach_earliest TIMESTAMP,
  breach_latest  TIMESTAMP,
  horizon_days   INTEGER,
  fit_quality    DOUBLE,
  details        JSON,
  PRIMARY KEY (cluster_id, metric_name, computed_at)
);

CREATE TABLE IF NOT EXISTS alerts.agent_tasks (
  task_id          VARCHAR(64) PRIMARY KEY,
  cluster_id       VARCHAR(64),
  issue_id         BIGINT,
  trigger_type     VARCHAR(32) NOT NULL,
  trigger_ref      VARCHAR(256),
  priority         INTEGER NOT NULL,
  status           VARCHAR(16) NOT NULL,
  created_at       TIMESTAMP NOT NULL,
  started_at       TIMESTAMP,
  finished_at      TIMESTAMP,
  cooldown_until   TIMESTAMP,
  investigation_id VARCHAR(64),
  details          JSON
);

CREATE TABLE IF NOT EXISTS alerts.agent_investigations (
  investigation_id VARCHAR(64) PRIMARY KEY,
  task_id          VARCHAR(64),
  issue_id         BIGINT,
  cluster_id       VARCHAR(64),
  status           VARCHAR(16) NOT NULL,
  mode             VARCHAR(16) NOT NULL,
  started_at       TIMESTAMP NOT NULL,
  finished_at      TIMESTAMP,
  root_cause       VARCHAR(32),
  confidence       DOUBLE,
  severity         VARCHAR(16),
  escalate         BOOLEAN,
  summary          VARCHAR,
  hypotheses       JSON,
  evidence         JSON,
  actions          JSON,
  steps            JSON,
  model            VARCHAR(128),
  error            VARCHAR(2048),
  feedback         VARCHAR(16)
);

CREATE TABLE IF NOT EXISTS alerts.patrol_reports (
  report_id        VARCHAR(64) PRIMARY KEY,
  started_at       TIMESTAMP NOT NULL,
  finished_at      TIMESTAMP,
  mode             VARCHAR(16) NOT NULL,
  status           VARCHAR(16) NOT NULL,
  summary          VARCHAR,
  problem_clusters JSON,
  patterns         JSON,
  changes          JSON,
  findings         JSON,
  model            VARCHAR(128),
  error            VARCHAR(2048)
);

CREATE TABLE IF NOT EXISTS alerts.llm_usage (
  usage_id           VARCHAR(64) PRIMARY KEY,
  created_at         TIMESTAMP NOT NULL,
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
);

CREATE TABLE IF NOT EXISTS alerts.chat_sessions (
  session_id VARCHAR(64) PRIMARY KEY,
  user_id    VARCHAR(64) NOT NULL,
  title      VARCHAR(256),
  summary    VARCHAR,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  deleted    BOOLEAN
);

CREATE TABLE IF NOT EXISTS alerts.chat_messages (
  message_id VARCHAR(64) PRIMARY KEY,
  session_id VARCHAR(64) NOT NULL,
  seq        INTEGER NOT NULL,
  role       VARCHAR(16) NOT NULL,
  content    VARCHAR,
  tool_calls JSON,
  tokens     INTEGER,
  created_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS alerts.knowledge_documents (
  doc_id            VARCHAR(128) PRIMARY KEY,
  kind              VARCHAR(32) NOT NULL,
  title             VARCHAR(512) NOT NULL,
  body              VARCHAR NOT NULL,
  tags              JSON,
  affected_versions JSON,
  fixed_versions    JSON,
  source            VARCHAR(1024),
  revision          INTEGER NOT NULL,
  created_at        TIMESTAMP NOT NULL,
  updated_at        TIMESTAMP NOT NULL,
  updated_by        VARCHAR(256),
  deleted           BOOLEAN
);

CREATE TABLE IF NOT EXISTS alerts.users (
  user_id          VARCHAR(64) PRIMARY KEY,
  email            VARCHAR(320) NOT NULL UNIQUE,
  display_name     VARCHAR(256),
  password_hash    VARCHAR(512),
  role             VARCHAR(16) NOT NULL,
  status           VARCHAR(16) NOT NULL,
  external_subject VARCHAR(256),
  created_at       TIMESTAMP NOT NULL,
  updated_at       TIMESTAMP NOT NULL,
  last_login_at    TIMESTAMP
);

CREATE TABLE IF NOT EXISTS alerts.invites (
  invite_id  VARCHAR(64) PRIMARY KEY,
  email      VARCHAR(320) NOT NULL,
  role       VARCHAR(16) NOT NULL,
  token_hash VARCHAR(128) NOT NULL,
  invited_by VARCHAR(64),
  created_at TIMESTAMP NOT NULL,
  expires_at TIMESTAMP NOT NULL,
  used_at    TIMESTAMP
);

CREATE TABLE IF NOT EXISTS alerts.user_settings (
  user_id       VARCHAR(64) NOT NULL,
  setting_key   VARCHAR(128) NOT NULL,
  setting_value JSON,
  updated_at    TIMESTAMP NOT NULL,
  PRIMARY KEY (user_id, setting_key)
);

CREATE TABLE IF NOT EXISTS alerts.notification_channels (
  channel_id   VARCHAR(64) PRIMARY KEY,
  name         VARCHAR(256) NOT NULL,
  kind         VARCHAR(32) NOT NULL,
  config       JSON,
  min_severity VARCHAR(16),
  enabled      BOOLEAN NOT NULL,
  created_at   TIMESTAMP NOT NULL,
  updated_at   TIMESTAMP NOT NULL
);

-- ShedLock's table: one row per scheduled job; replicas take the lock before running.
CREATE TABLE IF NOT EXISTS alerts.scheduler_locks (
  name       VARCHAR(64) PRIMARY KEY,
  lock_until TIMESTAMP NOT NULL,
  locked_at  TIMESTAMP NOT NULL,
  locked_by  VARCHAR(255) NOT NULL
);
