-- Runs on every start; every statement is idempotent.
CREATE SCHEMA IF NOT EXISTS metrics;
CREATE SCHEMA IF NOT EXISTS byoc;
CREATE SCHEMA IF NOT EXISTS alerts;
CREATE TABLE IF NOT EXISTS alerts.schema_version (
  version    INTEGER PRIMARY KEY,
  name       VARCHAR NOT NULL,
  checksum   VARCHAR NOT NULL,
  applied_at TIMESTAMP NOT NULL
);
