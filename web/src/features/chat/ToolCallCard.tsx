import type { ToolCallView } from "./chatTypes";

/** A collapsible card of one tool call: its arguments and (a preview of) its result. */
export function ToolCallCard({ call }: { call: ToolCallView }) {
  const state = call.running ? "running…" : call.error ? "error" : `${call.duration_ms} ms`;
  return (
    <details
      aria-label={`Tool call ${call.tool}`}
      className={`rounded border text-xs ${call.error ? "border-red-300 dark:border-red-800" : "border-slate-200 dark:border-slate-700"}`}
    >
      <summary className="cursor-pointer px-2 py-1 font-mono">
        <span className="font-semibold">{call.tool}</span> <span className="text-slate-500">({state})</span>
      </summary>
      <div className="space-y-1 border-t border-slate-100 px-2 py-1 dark:border-slate-800">
        <p className="font-medium">Arguments</p>
        <pre className="overflow-x-auto whitespace-pre-wrap break-all font-mono">{call.arguments || "{}"}</pre>
        <p className="font-medium">Result{call.truncated ? " (truncated)" : ""}</p>
        <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all font-mono">{call.running ? "…" : call.output}</pre>
      </div>
    </details>
  );
}
