import { Link } from "react-router";
import { Button } from "../../shared/ui/Button";
import type { ChatSession } from "./chatTypes";
import { useSessionActions } from "./useChatSessions";

/** The user's sessions, newest first, each with rename and delete. */
export function SessionList({ sessions, current }: { sessions: ChatSession[]; current: string | undefined }) {
  const { rename, remove } = useSessionActions();
  if (sessions.length === 0) return <p className="text-sm text-slate-500">No conversations yet.</p>;
  return (
    <ul aria-label="Sessions" className="space-y-1">
      {sessions.map((s) => (
        <li key={s.session_id} className={`rounded px-2 py-1 text-sm ${s.session_id === current ? "bg-sky-50 dark:bg-sky-950" : ""}`}>
          <Link to={`/chat/${encodeURIComponent(s.session_id)}`} className="block truncate text-slate-800 hover:underline dark:text-slate-200">
            {s.title || "Untitled"}
          </Link>
          <span className="flex gap-1">
            <Button
              variant="link"
              onClick={() => {
                const title = window.prompt("New title", s.title);
                if (title && title.trim()) rename.mutate({ id: s.session_id, title: title.trim() });
              }}
            >
              Rename
            </Button>
            <Button
              variant="link"
              onClick={() => {
                if (window.confirm(`Delete "${s.title}"?`)) remove.mutate(s.session_id);
              }}
            >
              Delete
            </Button>
          </span>
        </li>
      ))}
    </ul>
  );
}
