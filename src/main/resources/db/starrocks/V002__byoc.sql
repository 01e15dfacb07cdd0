-- byoc: the CelerData control-plane replica (16 tables, refs/byoc-schema.md).
-- Same tables, columns and column order as db/duckdb/V002__byoc.sql; TIMESTAMP -> DATETIME,
-- INTEGER -> INT. Entities are PRIMARY KEY tables (a plain INSERT replaces the row with the same
-- key); their key columns lead the table and are NOT NULL, as StarRocks requires. The persistent
-- index keeps the key index on disk, so BE memory does not grow with the row count.
-- Replicas come from the FE's default_replication_num (see bootstrap.sql; a single-BE dev cluster needs 1).

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

-- The DuckDB table declares no key (a rate card with effective_from/effective_to ranges), so this
-- one has none either: a DUPLICATE KEY table whose sort key is the lookup prefix.
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

-- Keyed by (cluster_id, changed_at) as on DuckDB, so a replayed change replaces itself instead of
-- appearing twice: a PRIMARY KEY table rather than a DUPLICATE KEY fact. State changes are few
-- (a handful per cluster and day), so monthly partitions; the key holds the partition column.
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

-- Hourly billing lines (~2M rows at seed scale): an append-only fact, one partition a day.
-- date_trunc('day', ...) partitions a DATE column too (only 'hour' needs DATETIME). No retention:
-- billing lines are financial records and billing_order / ccu_weekly_rollup are derived from them.
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

-- DuckDB keys this table by (week_start, cluster_id), but StarRocks needs the key columns first
-- and the column order must stay DuckDB's, so the key also takes org_id and account_id, which lie
-- between them. A cluster belongs to exactly one account and org, so the rows a key identifies
-- are the same; the difference is that org_id and account_id must not be NULL here.
-- A plain table, not an async view over bill_detail: suspended_hours and wow_change_pct are not
-- derived from bill_detail alone, and the application writes this table on both stores.
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
