import { toast } from "../../shared/toast/toastStore";
import { Button } from "../../shared/ui/Button";
import { prettyPayload } from "./rawPayload";

/** The payload as text in a <pre>: it is untrusted input, never rendered as markup. */
export function RawPayload({ raw }: { raw: string | null }) {
  const { text, json } = prettyPayload(raw);
  if (text === "") return <p className="text-sm text-slate-500 dark:text-slate-400">No raw payload was stored.</p>;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      toast.success("Raw payload copied");
    } catch {
      toast.error("Could not copy", "The browser did not allow access to the clipboard; select the text instead.");
    }
  };

  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between">
        <span className="text-xs text-slate-500 dark:text-slate-400">{json ? "JSON, pretty-printed" : "Text, as received"}</span>
        <Button onClick={() => void copy()}>Copy</Button>
      </div>
      <pre
        aria-label="Raw payload text"
        className="max-h-[28rem] overflow-auto rounded border border-slate-200 dark:border-slate-700 bg-slate-50 dark:bg-slate-950 p-3 font-mono text-xs whitespace-pre-wrap break-all text-slate-800 dark:text-slate-200"
      >
        {text}
      </pre>
    </div>
  );
}
