-- byoc: the CelerData control-plane replica (16 tables, refs/byoc-schema.md).

CREATE TABLE IF NOT EXISTS byoc.organization (
  org_id          VARCHAR(64) PRIMARY KEY,
  org_name        VARCHAR(256),
  root_account_id VARCHAR(64),
  payment_type    VARCHAR(32),
  ccu_balance     DECIMAL(18,6),
  contract_start  DATE,
  contract_end    DATE,
  created_at      TIMESTAMP,
  status          VARCHAR(16)
);

CREATE TABLE IF NOT EXISTS byoc.account (
  account_id   VARCHAR(64) PRIMARY KEY,
  org_id       VARCHAR(64),
  account_name VARCHAR(256),
  is_root      BOOLEAN,
  support_tier VARCHAR(32),
  created_at   TIMESTAMP,
  deleted      BOOLEAN
);

CREATE TABLE IF NOT EXISTS byoc.deployment_credential (
  cred_id          VARCHAR(64) PRIMARY KEY,
  account_id       VARCHAR(64),
  csp              VARCHAR(8),
  name             VARCHAR(256),
  role_arn         VARCHAR(512),
  external_id      VARCHAR(128),
  trust_account_id VARCHAR(64),
  policy_version   VARCHAR(16),
  created_at       TIMESTAMP,
  check_err_msg    VARCHAR(1024)
);

CREATE TABLE IF NOT EXISTS byoc.data_credential (
  cred_id              VARCHAR(64) PRIMARY KEY,
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
  created_at           TIMESTAMP
);

CREATE TABLE IF NOT EXISTS byoc.network_config (
  net_iface_id           VARCHAR(64) PRIMARY KEY,
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
  created_at             TIMESTAMP
);

CREATE TABLE IF NOT EXISTS byoc.cluster (
  cluster_id             VARCHAR(64) PRIMARY KEY,
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
  query_port             INTEGER,
  idle_suspend_interval  INTEGER,
  ssl_conn_enable        BOOLEAN,
  disable_public_access  BOOLEAN,
  termination_protection BOOLEAN,
  tags                   JSON,
  created_at             TIMESTAMP,
  released_at            TIMESTAMP,
  updated_at             TIMESTAMP
);

CREATE TABLE IF NOT EXISTS byoc.cluster_resource (
  resource_id          VARCHAR(64) PRIMARY KEY,
  cluster_id           VARCHAR(64),
  resource_type        VARCHAR(16),
  name                 VARCHAR(128),
  state                VARCHAR(16),
  is_default_warehouse BOOLEAN,
  instance_type        VARCHAR(64),
  node_count           INTEGER,
  cngroup_count        INTEGER,
  cngroup_size         INTEGER,
  vm_vol_size_gb       BIGINT,
  vm_vol_num           INTEGER,
  iops                 BIGINT,
  throughput           BIGINT,
  is_instance_store    BOOLEAN,
  distribution_policy  VARCHAR(16),
  specified_azs        JSON,
  resume_with_cluster  BOOLEAN,
  created_at           TIMESTAMP,
  deleted              BOOLEAN
);

CREATE TABLE IF NOT EXISTS byoc.node (
  node_id        VARCHAR(64) PRIMARY KEY,
  cluster_id     VARCHAR(64),
  resource_id    VARCHAR(64),
  node_type      VARCHAR(16),
  fe_role        VARCHAR(16),
  vm_instance_id VARCHAR(64),
  instance_type  VARCHAR(64),
  az             VARCHAR(32),
  private_ip     VARCHAR(64),
  http_port      INTEGER,
  state          VARCHAR(16),
  sr_version     VARCHAR(32),
  started_at     TIMESTAMP,
  last_heartbeat TIMESTAMP,
  terminated_at  TIMESTAMP
);

CREATE TABLE IF NOT EXISTS byoc.vm_spec (
  csp             VARCHAR(8),
  region          VARCHAR(32),
  instance_type   VARCHAR(64),
  node_role       VARCHAR(16),
  instance_family VARCHAR(32),
  vcpu            INTEGER,
  memory_gb       INTEGER,
  arch            VARCHAR(8),
  local_ssd_gb    INTEGER,
  supported       BOOLEAN,
  PRIMARY KEY (csp, region, instance_type, node_role)
);

CREATE TABLE IF NOT EXISTS byoc.ccu_rate (
  csp            VARCHAR(8) NOT NULL,
  instance_type  VARCHAR(64) NOT NULL,
  node_type      VARCHAR(16) NOT NULL,
  effective_from DATE NOT NULL,
  ccu_per_hour   DECIMAL(10,4),
  usd_per_ccu    DECIMAL(10,4),
  effective_to   DATE,
  PRIMARY KEY (csp, instance_type, node_type, effective_from)
);

CREATE TABLE IF NOT EXISTS byoc.cluster_action (
  action_id    VARCHAR(64) PRIMARY KEY,
  cluster_id   VARCHAR(64),
  resource_id  VARCHAR(64),
  action_type  VARCHAR(32),
  requested_by VARCHAR(128),
  source       VARCHAR(16),
  from_value   VARCHAR(128),
  to_value     VARCHAR(128),
  state        VARCHAR(16),
  err_msg      VARCHAR(2048),
  started_at   TIMESTAMP,
  finished_at  TIMESTAMP
);

CREATE TABLE IF NOT EXISTS byoc.cluster_state_history (
  cluster_id      VARCHAR(64),
  changed_at      TIMESTAMP,
  from_state      VARCHAR(16),
  to_state        VARCHAR(16),
  abnormal_reason VARCHAR(1024),
  action_id       VARCHAR(64),
  PRIMARY KEY (cluster_id, changed_at)
);

CREATE TABLE IF NOT EXISTS byoc.autoscaling_policy (
  policy_id    VARCHAR(64) PRIMARY KEY,
  cluster_id   VARCHAR(64),
  resource_id  VARCHAR(64),
  policy_kind  VARCHAR(16),
  min_size     INTEGER,
  max_size     INTEGER,
  scaling_unit VARCHAR(8),
  policy_json  JSON,
  enabled      BOOLEAN,
  updated_at   TIMESTAMP
);

-- A fact table of ~2M rows at seed scale: no PRIMARY KEY index on DuckDB (bulk loads stay fast);
-- the generator writes each (bill_date, bill_hour, cluster_id, resource_id, node_type) once.
CREATE TABLE IF NOT EXISTS byoc.bill_detail (
  bill_date                DATE NOT NULL,
  bill_hour                TINYINT NOT NULL,
  org_id                   VARCHAR(64),
  account_id               VARCHAR(64),
  cluster_id               VARCHAR(64) NOT NULL,
  resource_id              VARCHAR(64) NOT NULL,
  node_type                VARCHAR(16) NOT NULL,
  instance_type            VARCHAR(64),
  node_count               INTEGER,
  uptime_hours             DECIMAL(10,4),
  ccu_rate                 DECIMAL(10,4),
  ccu_usage                DECIMAL(18,6),
  ccu_usage_after_discount DECIMAL(18,6),
  usd_cost                 DECIMAL(18,6)
);

CREATE TABLE IF NOT EXISTS byoc.billing_order (
  order_id            VARCHAR(64) PRIMARY KEY,
  org_id              VARCHAR(64),
  billing_period      VARCHAR(7),
  ccu_before_discount DECIMAL(18,2),
  ccu_after_discount  DECIMAL(18,2),
  ccu_balance_cost    DECIMAL(18,2),
  usd_cost            DECIMAL(18,2),
  payment_type        VARCHAR(32),
  status              VARCHAR(16),
  issued_at           TIMESTAMP,
  paid_at             TIMESTAMP
);

-- Key columns lead (StarRocks PRIMARY KEY tables need that; both dialects keep one column order).
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
  peak_node_count INTEGER,
  wow_change_pct  DECIMAL(8,2),
  PRIMARY KEY (week_start, cluster_id)
);
