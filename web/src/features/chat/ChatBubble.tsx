import { Button } from "../../shared/ui/Button";
import type { ToolCallView } from "./chatTypes";
import { Markdown } from "./Markdown";
import { ToolCallCard } from "./ToolCallCard";

interface ChatBubbleProps {
  role: "user" | "assistant";
  content: string;
  tools?: ToolCallView[];
  streaming?: boolean;
}

/** One message: the question as typed, or the answer in Markdown with its tool cards and a copy button. */
export function ChatBubble({ role, content, tools = [], streaming = false }: ChatBubbleProps) {
  if (role === "user") {
    return (
      <div className="ml-auto max-w-[80%] rounded-lg bg-sky-50 px-3 py-2 text-sm whitespace-pre-wrap dark:bg-sky-950" aria-label="Question">
        {content}
      </div>
    );
  }
  return (
    <article aria-label="Answer" aria-busy={streaming} className="space-y-2 rounded-lg border border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900">
      {tools.length > 0 && (
        <div className="space-y-1">
          {tools.map((t) => (
            <ToolCallCard key={t.id} call={t} />
          ))}
        </div>
      )}
      <Markdown text={content} />
      {!streaming && content && (
        <Button variant="link" onClick={() => void navigator.clipboard?.writeText(content)}>
          Copy
        </Button>
      )}
    </article>
  );
}
