-- auth: refresh tokens of signed-in users. Same table, columns and column order as
-- db/duckdb/V005__auth.sql. An entity keyed by the token's hash: a PRIMARY KEY table, so the
-- rotation and revocation UPDATEs work; expired rows are deleted by the application.
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
