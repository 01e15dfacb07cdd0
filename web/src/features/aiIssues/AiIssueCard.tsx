import { Link } from "react-router";
import { Timestamp } from "../../shared/format/Timestamp";
import { SeverityBadge } from "../issues/IssueBadges";
import type { AiIssue } from "./aiIssueTypes";

const SHARED_LABELS: Record<string, string> = { version: "StarRocks", region: "Region", instance_type: "Instance type" };

/** One pattern: its summary, the clusters, what they share, the evidence and the next step. */
export function AiIssueCard({ group }: { group: AiIssue }) {
  return (
    <article aria-label={group.title} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-700 dark:bg-slate-900">
      <header className="flex flex-wrap items-center gap-2">
        <h2 className="text-base font-semibold text-slate-900 dark:text-slate-100">{group.title}</h2>
        <SeverityBadge severity={group.severity} />
        <span className="text-xs text-slate-500">
          <Timestamp value={group.first_seen} /> – <Timestamp value={group.last_seen} />
        </span>
      </header>
      <p className="text-sm text-slate-700 dark:text-slate-300">{group.summary}</p>
      <p className="text-xs text-slate-500">
        Summary from {group.summary_source === "llm" ? `the LLM (${group.input_tokens ?? 0} in / ${group.output_tokens ?? 0} out tokens)` : "templates and facts"}
      </p>
      <dl className="grid gap-2 text-sm md:grid-cols-3">
        <div>
          <dt className="text-xs text-slate-500">Clusters ({group.clusters.length})</dt>
          <dd>{group.clusters.join(", ")}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Shared</dt>
          <dd>
            {Object.entries(group.shared_attributes).map(([k, v]) => `${SHARED_LABELS[k] ?? k} ${v}`).join(" · ") || "time and alert family"}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Alerts</dt>
          <dd>{(group.evidence.alert_names ?? []).join(", ")}</dd>
        </div>
      </dl>
      {group.suggested_next_step && (
        <p className="rounded bg-sky-50 px-2 py-1 text-sm text-sky-900 dark:bg-sky-950 dark:text-sky-200">
          <span className="font-medium">Next step: </span>
          {group.suggested_next_step}
        </p>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-400">Evidence and issues ({group.issue_ids.length})</summary>
        <p className="mt-1 text-xs text-slate-500">{group.evidence.rule}</p>
        <ul className="mt-1 flex flex-wrap gap-2">
          {group.issue_ids.map((id) => (
            <li key={id}>
              <Link className="text-sky-700 hover:underline dark:text-sky-400" to={`/issues/${id}`}>
                #{id}
              </Link>
            </li>
          ))}
        </ul>
        {group.knowledge_doc_ids.length > 0 && <p className="mt-1 text-xs">Knowledge Lake: {group.knowledge_doc_ids.join(", ")}</p>}
      </details>
    </article>
  );
}
