import { Link } from "react-router";
import { Timestamp } from "../../shared/format/Timestamp";
import { Panel } from "../../shared/ui/Panel";
import { PatrolProgressBar } from "./PatrolProgressBar";
import type { PatrolChanges, PatrolReport } from "./patrolTypes";

function counts(map: Record<string, number>, signed = false): string {
  const entries = Object.entries(map);
  if (entries.length === 0) return "—";
  return entries.map(([k, v]) => `${k} ${signed && v > 0 ? "+" : ""}${v}`).join(", ");
}

function ClusterLinks({ ids }: { ids: string[] }) {
  if (ids.length === 0) return <span className="text-slate-400">none</span>;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {ids.map((id) => (
        <Link key={id} to={`/overview/clusters/${encodeURIComponent(id)}`} className="font-mono text-sky-700 hover:underline dark:text-sky-400">{id}</Link>
      ))}
    </span>
  );
}

/** What changed since the previous finished patrol. */
export function PatrolChangesView({ changes }: { changes: PatrolChanges }) {
  if (!changes.previous_report_id) return <p className="text-sm text-slate-500">First patrol: nothing to compare with.</p>;
  return (
    <dl aria-label="Changes" className="grid grid-cols-1 gap-2 text-sm md:grid-cols-2">
      <div><dt className="text-xs text-slate-500">Previous report</dt><dd><Link className="text-sky-700 hover:underline dark:text-sky-400" to={`/patrol/${encodeURIComponent(changes.previous_report_id)}`}><Timestamp value={changes.previous_at} /></Link></dd></div>
      <div><dt className="text-xs text-slate-500">Risk count change</dt><dd>{counts(changes.risk_count_delta, true)}</dd></div>
      <div><dt className="text-xs text-slate-500">Newly in trouble</dt><dd><ClusterLinks ids={changes.new_problem_clusters} /></dd></div>
      <div><dt className="text-xs text-slate-500">Recovered</dt><dd><ClusterLinks ids={changes.recovered_clusters} /></dd></div>
      <div><dt className="text-xs text-slate-500">Average score change</dt><dd>{changes.average_score_delta ?? "—"}</dd></div>
    </dl>
  );
}

export function PatrolReportView({ report }: { report: PatrolReport }) {
  const f = report.findings;
  return (
    <div className="space-y-4">
      <Panel title="Status">
        {report.status === "running" ? <PatrolProgressBar progress={f.progress} /> : (
          <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm md:grid-cols-4">
            <div><dt className="text-xs text-slate-500">Status</dt><dd>{report.status}</dd></div>
            <div><dt className="text-xs text-slate-500">Risk</dt><dd>{counts(f.risk_counts)}</dd></div>
            <div><dt className="text-xs text-slate-500">Health average / median</dt><dd>{f.average_score ?? "—"} / {f.median_score ?? "—"}</dd></div>
            <div><dt className="text-xs text-slate-500">Idle spend</dt><dd>{f.idle_clusters} cluster(s), ${Math.round(f.idle_usd_per_week ?? 0)} a week</dd></div>
            <div><dt className="text-xs text-slate-500">Started</dt><dd><Timestamp value={report.started_at} /></dd></div>
            <div><dt className="text-xs text-slate-500">Requested by</dt><dd>{f.requested_by ?? "—"}</dd></div>
            {f.delivery && <div><dt className="text-xs text-slate-500">Lark card</dt><dd>{f.delivery.delivered ? "delivered" : `not delivered: ${f.delivery.detail}`}</dd></div>}
          </dl>
        )}
        {report.error && <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">{report.error}</p>}
      </Panel>
      <Panel title={`Clusters in trouble (${report.problem_clusters.length})`}>
        {report.problem_clusters.length === 0 ? <p className="text-sm text-slate-500">None.</p> : (
          <ul aria-label="Clusters in trouble" className="space-y-1 text-sm">
            {report.problem_clusters.map((p) => (
              <li key={p.cluster_id}>
                <Link className="font-medium text-sky-700 hover:underline dark:text-sky-400" to={`/overview/clusters/${encodeURIComponent(p.cluster_id)}`}>{p.cluster_name ?? p.cluster_id}</Link>
                <span className="ml-2 text-xs text-slate-500">{p.risk_level}, tier {p.tier ?? "?"}, health {p.health_score ?? "—"}</span>
                <span className="ml-2 text-slate-600 dark:text-slate-400">{p.reasons.join("; ")}</span>
              </li>
            ))}
          </ul>
        )}
      </Panel>
      {report.patterns.length > 0 && (
        <Panel title="Cross-cluster patterns">
          <ul className="space-y-1 text-sm">
            {report.patterns.map((p) => <li key={`${p.alert_name}-${p.dimension}-${p.value}`}>{p.alert_name} on {p.clusters} clusters with {p.dimension} {p.value}</li>)}
          </ul>
        </Panel>
      )}
      {f.movers.length > 0 && (
        <Panel title="Movers">
          <ul className="space-y-1 text-sm">
            {f.movers.map((m) => <li key={m.cluster_id}><span className="font-mono">{m.cluster_name ?? m.cluster_id}</span>: {m.score} ({m.change > 0 ? "+" : ""}{m.change})</li>)}
          </ul>
        </Panel>
      )}
      {report.summary && (
        <Panel title="Report (Markdown)">
          <pre className="text-sm whitespace-pre-wrap">{report.summary}</pre>
        </Panel>
      )}
    </div>
  );
}
