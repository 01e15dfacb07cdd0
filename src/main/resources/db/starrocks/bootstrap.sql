-- Runs on every start; every statement is idempotent.
-- StarRocks 3.3+. The three databases hold the same tables, columns and column order as db/duckdb/.
--
-- Replicas: no statement sets replication_num, so the FE's default_replication_num applies
-- (3 unless changed), which is what a production cluster wants. A single-BE dev cluster cannot
-- place 3 replicas and needs 1; set it once on the FE before the first start:
--   ADMIN SET FRONTEND CONFIG ('default_replication_num' = '1');
-- (or add 'replication_num' = '1' to the PROPERTIES of a throwaway copy of these files).
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
