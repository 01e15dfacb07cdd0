import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { apiClient } from "../../shared/api/apiClient";
import type { ChatEvent, ToolCallView } from "./chatTypes";
import { readSse } from "./readSse";

export interface LiveTurn {
  question: string;
  text: string;
  tools: ToolCallView[];
  notices: string[];
  error: string | null;
  outcome: string | null;
  running: boolean;
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** Applies one event of POST /api/chat to the turn shown while it streams. */
export function applyEvent(turn: LiveTurn, e: ChatEvent): LiveTurn {
  const d = e.data;
  switch (e.event) {
    case "text":
      return { ...turn, text: turn.text + str(d.delta) };
    case "tool_started":
      return {
        ...turn,
        tools: [...turn.tools, { id: str(d.id), tool: str(d.tool), arguments: str(d.arguments), output: "", error: false, truncated: false, duration_ms: 0, running: true }],
      };
    case "tool_finished":
      return {
        ...turn,
        tools: turn.tools.map((t) =>
          t.id === d.id ? { ...t, output: str(d.preview), error: d.error === true, truncated: d.truncated === true, duration_ms: Number(d.duration_ms) || 0, running: false } : t,
        ),
      };
    case "notice":
      return { ...turn, notices: [...turn.notices, str(d.message)] };
    case "error":
      return { ...turn, error: str(d.message) };
    case "done":
      return { ...turn, outcome: str(d.outcome), text: str(d.answer) || turn.text, running: false };
    default:
      return turn;
  }
}

/** Sends a question and follows the streamed answer; stop() ends the model call on the server. */
export function useChatTurn(onSession: (sessionId: string) => void) {
  const queryClient = useQueryClient();
  const [turn, setTurn] = useState<LiveTurn | null>(null);
  const abort = useRef<AbortController | null>(null);
  const sessionRef = useRef<string | null>(null);

  const send = useCallback(
    async (question: string, sessionId: string | undefined) => {
      const controller = new AbortController();
      abort.current = controller;
      sessionRef.current = sessionId ?? null;
      setTurn({ question, text: "", tools: [], notices: [], error: null, outcome: null, running: true });
      try {
        const response = await apiClient.stream("/api/chat", { session_id: sessionId ?? null, message: question }, controller.signal);
        if (!response.body) throw new Error("The server sent no stream.");
        await readSse(response.body, (e) => {
          if (e.event === "session") {
            sessionRef.current = str(e.data.session_id);
            onSession(sessionRef.current);
          }
          setTurn((t) => (t ? applyEvent(t, e) : t));
        });
        setTurn((t) => (t ? { ...t, running: false } : t));
      } catch (error) {
        const aborted = error instanceof DOMException && error.name === "AbortError";
        const message = aborted ? null : error instanceof Error ? (("detail" in error && typeof error.detail === "string" && error.detail) || error.message) : String(error);
        setTurn((t) => (t ? { ...t, running: false, error: message, outcome: aborted ? "cancelled" : t.outcome } : t));
      } finally {
        await queryClient.invalidateQueries({ queryKey: ["chat"] });
      }
    },
    [onSession, queryClient],
  );

  const stop = useCallback(async () => {
    const id = sessionRef.current;
    if (id) await apiClient.post(`/api/chat/sessions/${encodeURIComponent(id)}/cancel`).catch(() => undefined);
    else abort.current?.abort();
  }, []);

  const clear = useCallback(() => setTurn(null), []);
  return { turn, send, stop, clear };
}
