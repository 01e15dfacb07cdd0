-- auth: refresh tokens of signed-in users (users, invites and settings are in V004__alerts.sql).
-- Only a SHA-256 hash of each token is kept. Every token of one sign-in shares family_id: a
-- refresh marks the token used and issues the next one; a used token presented again revokes
-- the whole family (it was stolen, or the client replayed it).
CREATE TABLE IF NOT EXISTS alerts.refresh_tokens (
  token_hash VARCHAR(64) PRIMARY KEY,
  family_id  VARCHAR(64) NOT NULL,
  user_id    VARCHAR(64) NOT NULL,
  issued_at  TIMESTAMP NOT NULL,
  expires_at TIMESTAMP NOT NULL,
  used_at    TIMESTAMP,
  revoked_at TIMESTAMP
);
