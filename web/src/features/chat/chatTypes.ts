export interface ToolCallView {
  id: string;
  tool: string;
  arguments: string;
  output: string;
  error: boolean;
  truncated: boolean;
  duration_ms: number;
  /** Set while the call runs (streaming only). */
  running?: boolean;
}

export interface ChatMessage {
  message_id: string;
  seq: number;
  role: "user" | "assistant";
  content: string;
  tool_calls: ToolCallView[];
  tokens: number | null;
  created_at: string;
}

export interface ChatSession {
  session_id: string;
  title: string;
  created_at: string;
  updated_at: string;
  messages: number;
}

export interface SessionDetail {
  session: ChatSession;
  messages: ChatMessage[];
}

export interface DirectTool {
  name: string;
  description: string;
  input_schema: Record<string, unknown>;
}

export interface ChatStatus {
  llm_configured: boolean;
  reason: string | null;
  model: string | null;
  direct_tools: DirectTool[];
  suggestions: string[];
}

export interface DirectToolResult {
  tool: string;
  output: string;
  error: boolean;
  truncated: boolean;
}

/** One Server-Sent Event of POST /api/chat. */
export interface ChatEvent {
  event: string;
  data: Record<string, unknown>;
}
