import { useCallback, useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import { ChatBubble } from "../features/chat/ChatBubble";
import { DirectTools } from "../features/chat/DirectTools";
import { SessionList } from "../features/chat/SessionList";
import { useChatSession, useChatSessions, useChatStatus } from "../features/chat/useChatSessions";
import { useChatTurn } from "../features/chat/useChatTurn";
import { Button } from "../shared/ui/Button";
import { ErrorState } from "../shared/ui/ErrorState";
import { LoadingState } from "../shared/ui/LoadingState";
import { Panel } from "../shared/ui/Panel";

export function ChatPage() {
  const { sessionId } = useParams();
  const navigate = useNavigate();
  const status = useChatStatus();
  const sessions = useChatSessions();
  const detail = useChatSession(sessionId);
  const [question, setQuestion] = useState("");
  const onSession = useCallback((id: string) => navigate(`/chat/${encodeURIComponent(id)}`, { replace: true }), [navigate]);
  const { turn, send, stop, clear } = useChatTurn(onSession);

  const ask = (text: string) => {
    if (!text.trim() || turn?.running) return;
    setQuestion("");
    void send(text.trim(), sessionId);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask(question);
  };

  if (status.isPending) return <LoadingState />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  const messages = detail.data?.messages ?? [];
  // Once the stored transcript holds the streamed turn, show it from there.
  const showLive = turn && (turn.running || !messages.some((m) => m.role === "user" && m.content === turn.question && m.seq === messages.length - 1));
  const last = messages[messages.length - 1];
  const shown = showLive && last?.role === "user" && last.content === turn.question ? messages.slice(0, -1) : messages;

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">Chat</h1>
      {!status.data.llm_configured ? (
        <DirectTools reason={status.data.reason} />
      ) : (
        <div className="grid gap-4 lg:grid-cols-[16rem_1fr]">
          <Panel
            title="Conversations"
            actions={
              <Button variant="link" onClick={() => { clear(); navigate("/chat"); }}>
                New
              </Button>
            }
          >
            {sessions.isPending ? <LoadingState /> : sessions.isError ? <ErrorState error={sessions.error} /> : <SessionList sessions={sessions.data} current={sessionId} />}
          </Panel>
          <section aria-label="Conversation" className="space-y-3">
            {detail.isError && <ErrorState error={detail.error} />}
            {!sessionId && !turn && (
              <div className="space-y-2">
                <p className="text-sm text-slate-600 dark:text-slate-400">Ask about the fleet ({status.data.model}). Try:</p>
                <div className="flex flex-wrap gap-2">
                  {status.data.suggestions.map((s) => (
                    <Button key={s} onClick={() => ask(s)}>
                      {s}
                    </Button>
                  ))}
                </div>
              </div>
            )}
            {shown.map((m) => (
              <ChatBubble key={m.message_id} role={m.role} content={m.content} tools={m.tool_calls} />
            ))}
            {showLive && (
              <>
                <ChatBubble role="user" content={turn.question} />
                {turn.notices.map((n, i) => (
                  <p key={i} className="text-xs text-slate-500">{n}</p>
                ))}
                <ChatBubble role="assistant" content={turn.text} tools={turn.tools} streaming={turn.running} />
                {turn.error && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{turn.error}</p>}
                {turn.outcome === "cancelled" && <p className="text-xs text-slate-500">Stopped.</p>}
              </>
            )}
            <form onSubmit={submit} aria-label="Ask" className="flex gap-2">
              <textarea
                aria-label="Question"
                rows={2}
                className="flex-1 rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
                value={question}
                placeholder="Which tier S clusters are at risk this week?"
                onChange={(e) => setQuestion(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" && !e.shiftKey) {
                    e.preventDefault();
                    ask(question);
                  }
                }}
              />
              {turn?.running ? (
                <Button variant="danger" onClick={() => void stop()}>
                  Stop
                </Button>
              ) : (
                <Button type="submit" variant="primary" disabled={!question.trim()}>
                  Send
                </Button>
              )}
            </form>
          </section>
        </div>
      )}
    </div>
  );
}
