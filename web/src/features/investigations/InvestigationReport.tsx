import { Link } from "react-router";
import { Timestamp } from "../../shared/format/Timestamp";
import { Panel } from "../../shared/ui/Panel";
import { StateBadge } from "../../shared/ui/StateBadge";
import { percent } from "./InvestigationTable";
import type { Evidence, Investigation } from "./investigationTypes";

function EvidenceLinks({ ids }: { ids: string[] }) {
  if (ids.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {ids.map((id) => (
        <a key={id} href={`#evidence-${id}`} className="rounded bg-slate-100 px-1 font-mono text-xs text-sky-700 hover:underline dark:bg-slate-800 dark:text-sky-400">
          {id}
        </a>
      ))}
    </span>
  );
}

function EvidenceRow({ item }: { item: Evidence }) {
  return (
    <li id={`evidence-${item.id}`} className="border-b border-slate-100 py-2 last:border-0 dark:border-slate-800">
      <p className="text-sm">
        <span className="mr-2 font-mono font-semibold">{item.id}</span>
        <span className="mr-2 text-xs text-slate-500">step {item.step}</span>
        <span className="mr-2 font-mono text-xs text-slate-500">{item.tool}</span>
        {item.summary}
      </p>
      <details className="mt-1 text-xs">
        <summary className="cursor-pointer text-slate-500">arguments and result (alert text is quoted data)</summary>
        <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 whitespace-pre-wrap dark:bg-slate-950">
          {JSON.stringify({ args: item.args, data: item.data }, null, 2)}
        </pre>
      </details>
    </li>
  );
}

/** The report of one investigation: verdict, the 8 steps, hypotheses, actions and the evidence they cite. */
export function InvestigationReport({ investigation: inv }: { investigation: Investigation }) {
  return (
    <div className="space-y-4">
      <Panel title="Verdict">
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm md:grid-cols-4">
          <div><dt className="text-xs text-slate-500">Root cause</dt><dd className="font-semibold">{inv.root_cause ?? "—"}</dd></div>
          <div><dt className="text-xs text-slate-500">Confidence</dt><dd>{percent(inv.confidence)}</dd></div>
          <div><dt className="text-xs text-slate-500">Severity</dt><dd><StateBadge state={inv.severity} /></dd></div>
          <div><dt className="text-xs text-slate-500">Escalate</dt><dd>{inv.escalate ? "yes" : "no"}</dd></div>
          <div><dt className="text-xs text-slate-500">Cluster</dt><dd className="font-mono">{inv.cluster_id ? <Link className="text-sky-700 hover:underline dark:text-sky-400" to={`/overview/clusters/${encodeURIComponent(inv.cluster_id)}`}>{inv.cluster_id}</Link> : "—"}</dd></div>
          <div><dt className="text-xs text-slate-500">Issue</dt><dd>{inv.issue_id === null ? "—" : <Link className="text-sky-700 hover:underline dark:text-sky-400" to={`/issues/${inv.issue_id}`}>#{inv.issue_id}</Link>}</dd></div>
          <div><dt className="text-xs text-slate-500">Mode</dt><dd>{inv.mode}{inv.model && inv.model !== inv.mode ? ` (${inv.model})` : ""}</dd></div>
          <div><dt className="text-xs text-slate-500">Started</dt><dd><Timestamp value={inv.started_at} /></dd></div>
        </dl>
        {inv.status === "failed" && (
          <p className="mt-3 rounded bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-300">
            The investigation failed{inv.error ? `: ${inv.error}` : "."}
          </p>
        )}
        {inv.summary && <pre aria-label="Summary" className="mt-3 rounded bg-slate-50 p-3 text-sm whitespace-pre-wrap dark:bg-slate-950">{inv.summary}</pre>}
      </Panel>

      <Panel title="Steps">
        <ol aria-label="Protocol steps" className="space-y-1 text-sm">
          {inv.steps.map((s) => (
            <li key={s.number} className="flex flex-wrap items-baseline gap-2">
              <span className="w-6 text-right font-semibold">{s.number}.</span>
              <span className="w-40 font-medium">{s.name}</span>
              <span className="text-slate-600 dark:text-slate-400">{s.note}</span>
              <EvidenceLinks ids={s.evidence} />
            </li>
          ))}
        </ol>
      </Panel>

      <Panel title="Hypotheses">
        {inv.hypotheses.length === 0 ? (
          <p className="text-sm text-slate-500">No hypotheses.</p>
        ) : (
          <ol aria-label="Hypotheses" className="space-y-2 text-sm">
            {inv.hypotheses.map((h, i) => (
              <li key={`${h.category}-${i}`}>
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold">{h.category}</span>
                  <span className={h.status === "supported" ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>{h.status}</span>
                  <span className="text-slate-500">{percent(h.confidence)}</span>
                  <EvidenceLinks ids={h.evidence} />
                </p>
                <p className="text-slate-600 dark:text-slate-400">{h.reasoning}</p>
              </li>
            ))}
          </ol>
        )}
      </Panel>

      <Panel title="Recommendations">
        {inv.recommendations.length === 0 ? (
          <p className="text-sm text-slate-500">No recommendations.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {inv.recommendations.map((r, i) => <li key={i}>{r}</li>)}
          </ul>
        )}
      </Panel>

      <Panel title="Evidence">
        <ul aria-label="Evidence">{inv.evidence.map((e) => <EvidenceRow key={e.id} item={e} />)}</ul>
      </Panel>
    </div>
  );
}
