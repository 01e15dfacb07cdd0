import { useState, type FormEvent } from "react";
import { Button } from "../../shared/ui/Button";
import { ErrorState } from "../../shared/ui/ErrorState";
import { Panel } from "../../shared/ui/Panel";
import { useDirectTool } from "./useChatSessions";

const ACTIONS = [
  { name: "knowledge_search", label: "Search the Knowledge Lake", field: "query", placeholder: "FE heap grows during stream load" },
  { name: "sql_query", label: "Run a guarded query", field: "sql", placeholder: "SELECT cluster_id, cluster_name FROM byoc.cluster" },
  { name: "cluster_profile", label: "A cluster's profile and health", field: "cluster_id", placeholder: "c-001" },
] as const;

/** Without a model: the read-only tools the agent would use, called directly. */
export function DirectTools({ reason }: { reason: string | null }) {
  const [tool, setTool] = useState<(typeof ACTIONS)[number]>(ACTIONS[0]);
  const [value, setValue] = useState("");
  const call = useDirectTool();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) call.mutate({ name: tool.name, args: { [tool.field]: value.trim() } });
  };
  return (
    <Panel title="Direct tools">
      <p role="status" className="mb-3 text-sm text-amber-800 dark:text-amber-300">
        No LLM is configured, so the agent cannot answer questions. {reason} You can still use its tools directly.
      </p>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="Direct tool">
        <label className="text-sm">
          Tool{" "}
          <select className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900" value={tool.name} onChange={(e) => setTool(ACTIONS.find((a) => a.name === e.target.value) ?? ACTIONS[0])}>
            {ACTIONS.map((a) => (
              <option key={a.name} value={a.name}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <input aria-label={tool.field} className="min-w-80 flex-1 rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900" placeholder={tool.placeholder} value={value} onChange={(e) => setValue(e.target.value)} />
        <Button type="submit" variant="primary" disabled={call.isPending}>
          Run
        </Button>
      </form>
      {call.isError && <ErrorState error={call.error} />}
      {call.data && (
        <pre aria-label="Tool result" className={`mt-3 max-h-96 overflow-auto rounded p-2 font-mono text-xs whitespace-pre-wrap ${call.data.error ? "bg-red-50 dark:bg-red-950" : "bg-slate-50 dark:bg-slate-800"}`}>
          {call.data.output}
          {call.data.truncated ? "\n[truncated]" : ""}
        </pre>
      )}
    </Panel>
  );
}
