-- issues (issue 7): which alert belongs to which issue, and the cross-cluster AI issue groups.

-- One row per grouped alert. issue_id is null for a resolved alert whose firing has not arrived
-- yet (out-of-order delivery): the firing finds it by instance_key and starts out resolved.
-- instance_key names one firing episode: fingerprint (or alert id, or name and node) @ startsAt.
CREATE TABLE IF NOT EXISTS alerts.issue_alerts (
  message_id   VARCHAR(64) PRIMARY KEY,
  issue_id     BIGINT,
  grouping_key VARCHAR(512) NOT NULL,
  instance_key VARCHAR(512) NOT NULL,
  status       VARCHAR(16) NOT NULL,
  severity     VARCHAR(16),
  alert_name   VARCHAR(256),
  node         VARCHAR(256),
  fingerprint  VARCHAR(128),
  event_at     TIMESTAMP NOT NULL,
  grouped_at   TIMESTAMP NOT NULL
);

-- Cross-cluster pattern groups of issues, recomputed on a schedule; the id is derived from the
-- pattern (alert family and shared attributes), so a group keeps its id between runs.
CREATE TABLE IF NOT EXISTS alerts.ai_issues (
  ai_issue_id         VARCHAR(64) PRIMARY KEY,
  title               VARCHAR(512) NOT NULL,
  alert_family        VARCHAR(256),
  severity            VARCHAR(16),
  summary             VARCHAR,
  summary_source      VARCHAR(16) NOT NULL,
  suggested_next_step VARCHAR,
  knowledge_doc_ids   JSON,
  clusters            JSON,
  issue_ids           JSON,
  shared_attributes   JSON,
  evidence            JSON,
  first_seen          TIMESTAMP,
  last_seen           TIMESTAMP,
  computed_at         TIMESTAMP NOT NULL,
  active              BOOLEAN NOT NULL,
  input_tokens        BIGINT,
  output_tokens       BIGINT
);
