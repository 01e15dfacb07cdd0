-- MCP servers an admin adds for the chat agent (issue 9). Headers may carry a token: the API never
-- answers their values, only their names. A handful of mutable rows: a PRIMARY KEY table.
CREATE TABLE IF NOT EXISTS alerts.chat_mcp_servers (
  name       VARCHAR(32) NOT NULL,
  url        VARCHAR(1024) NOT NULL,
  headers    STRING,
  writable   BOOLEAN NOT NULL,
  created_by VARCHAR(64),
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL
)
PRIMARY KEY (name)
DISTRIBUTED BY HASH (name)
PROPERTIES ('enable_persistent_index' = 'true');
