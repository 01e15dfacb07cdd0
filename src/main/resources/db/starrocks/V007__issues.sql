-- issues (issue 7): which alert belongs to which issue, and the cross-cluster AI issue groups.

-- One row per grouped alert; issue_id is null for a resolved alert whose firing has not arrived yet.
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

-- Cross-cluster pattern groups; the id is derived from the pattern, so it is stable between runs.
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
