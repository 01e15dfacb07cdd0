-- MCP servers an admin adds for the chat agent (issue 9). Headers may carry a token: the API never
-- answers their values, only their names.
CREATE TABLE IF NOT EXISTS alerts.chat_mcp_servers (
  name       VARCHAR(32) PRIMARY KEY,
  url        VARCHAR(1024) NOT NULL,
  headers    VARCHAR,
  writable   BOOLEAN NOT NULL,
  created_by VARCHAR(64),
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
