import { createColumnHelper } from "@tanstack/react-table";
import { useMemo, type ReactNode } from "react";
import { Link } from "react-router";
import { EChart } from "../../shared/charts/EChart";
import { Timestamp } from "../../shared/format/Timestamp";
import { formatDecimal } from "../../shared/format/formatNumber";
import { DataTable } from "../../shared/table/DataTable";
import { Panel } from "../../shared/ui/Panel";
import { alertTimelineOption } from "./alertTimelineOption";
import { IssueStatusBadge, SeverityBadge } from "./IssueBadges";
import { InvestigationEventLink, IssueEventList } from "./IssueEventList";
import type { IssueAlert, IssueDetail } from "./issueTypes";
import { TriagePanel } from "./TriagePanel";
import { InvestigateIssueButton } from "../investigations/InvestigateIssueButton";

const alertColumn = createColumnHelper<IssueAlert>();
const ALERT_COLUMNS = [
  alertColumn.accessor("event_at", { header: "When", cell: ({ getValue }) => <Timestamp value={getValue()} withSeconds /> }),
  alertColumn.accessor("status", { header: "Status" }),
  alertColumn.accessor("severity", { header: "Severity" }),
  alertColumn.accessor("node", { header: "Node", cell: ({ getValue }) => getValue() ?? "—" }),
  alertColumn.accessor("message_id", { header: "Message", cell: ({ getValue }) => <code className="text-[11px]">{getValue().slice(0, 12)}</code> }),
];

const WHY_KEYS: [string, string][] = [
  ["why_grouped", "Why these alerts"],
  ["opened_because", "Opened because"],
  ["reopened_because", "Reopened because"],
  ["resolved_because", "Resolved because"],
  ["merged_because", "Merged"],
  ["severity_set_by", "Severity set by"],
];

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="text-sm text-slate-800 dark:text-slate-200">{children}</dd>
    </div>
  );
}

export function IssueDetailView({ detail }: { detail: IssueDetail }) {
  const { issue } = detail;
  const option = useMemo(() => alertTimelineOption(detail.alerts), [detail.alerts]);
  const comments = detail.events.filter((e) => e.event_type === "comment");
  const why = WHY_KEYS.filter(([key]) => typeof detail.explanation[key] === "string");

  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">{issue.title}</h1>
          <SeverityBadge severity={issue.severity} />
          <IssueStatusBadge status={issue.status} />
        </div>
        {detail.summary && <p className="text-sm text-slate-600 dark:text-slate-400">{detail.summary}</p>}
        {issue.merged_into !== null && (
          <p className="text-sm">
            Merged into <Link className="text-sky-700 hover:underline dark:text-sky-400" to={`/issues/${issue.merged_into}`}>#{issue.merged_into}</Link>
          </p>
        )}
      </header>

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-6">
        <Fact label="Cluster">
          {issue.cluster_id ? (
            <Link className="text-sky-700 hover:underline dark:text-sky-400" to={`/overview/clusters/${encodeURIComponent(issue.cluster_id)}`}>
              {issue.cluster_name ?? issue.cluster_id}
            </Link>
          ) : (
            "unmapped"
          )}
          {issue.tier && <span className="ml-1 text-slate-400">tier {issue.tier}</span>}
        </Fact>
        <Fact label="Owner">{issue.assignee ?? "unassigned"}</Fact>
        <Fact label="Alerts">
          {issue.alert_count} ({issue.firing_count} firing), reopened {issue.reopen_count}×
        </Fact>
        <Fact label="First seen">
          <Timestamp value={issue.first_seen} />
        </Fact>
        <Fact label="Last firing">
          <Timestamp value={issue.last_seen} />
        </Fact>
        <Fact label="Nodes">{detail.affected_nodes.join(", ") || "cluster-wide"}</Fact>
      </dl>

      <Panel title="Triage">
        <TriagePanel detail={detail} />
      </Panel>

      <Panel title="Why this issue">
        <dl className="space-y-2">
          {why.map(([key, label]) => (
            <Fact key={key} label={label}>
              {String(detail.explanation[key])}
            </Fact>
          ))}
          <Fact label="Grouping key">
            <code className="text-xs">{detail.grouping_key}</code>
          </Fact>
        </dl>
      </Panel>

      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title="Alert timeline">
          <EChart option={option} ariaLabel={`Alert timeline: ${detail.alerts.length} alert notices`} height={220} />
          <DataTable data={detail.alerts} columns={ALERT_COLUMNS} ariaLabel="Alerts of the issue" emptyText="No alerts." />
        </Panel>
        <Panel title="Events">
          <IssueEventList events={detail.events} />
        </Panel>
      </div>

      <div className="grid gap-4 lg:grid-cols-3">
        <Panel title="Comments">
          {comments.length === 0 ? (
            <p className="text-sm text-slate-500">No comments yet.</p>
          ) : (
            <ul aria-label="Comments" className="space-y-2 text-sm">
              {comments.map((c) => (
                <li key={c.event_id}>
                  <p>{c.note}</p>
                  <InvestigationEventLink event={c} />
                  <p className="text-xs text-slate-500">
                    {c.actor} · <Timestamp value={c.created_at} />
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="Related issues">
          {detail.related.length === 0 ? (
            <p className="text-sm text-slate-500">No related issues.</p>
          ) : (
            <ul aria-label="Related issues" className="space-y-1 text-sm">
              {detail.related.map((r) => (
                <li key={r.issue_id} className="flex items-center gap-2">
                  <SeverityBadge severity={r.severity} />
                  <Link className="text-sky-700 hover:underline dark:text-sky-400" to={`/issues/${r.issue_id}`}>
                    {r.title}
                  </Link>
                  <IssueStatusBadge status={r.status} />
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="Cluster health">
          <dl className="grid grid-cols-2 gap-2">
            <Fact label="When the issue started">{detail.health_at_start === null ? "not scored" : formatDecimal(detail.health_at_start)}</Fact>
            <Fact label="Now">{detail.health_now === null ? "not scored" : formatDecimal(detail.health_now)}</Fact>
          </dl>
        </Panel>
      </div>

      <Panel title="Investigations">
        {detail.investigations.length === 0 ? (
          <p className="text-sm text-slate-500">No investigations of this issue yet.</p>
        ) : (
          <ul aria-label="Investigations" className="space-y-1 text-sm">
            {detail.investigations.map((i) => (
              <li key={i.investigation_id}>
                <Link className="text-sky-700 hover:underline dark:text-sky-400" to={`/investigations/${encodeURIComponent(i.investigation_id)}`}>
                  {i.root_cause ?? "investigation"}
                </Link>{" "}
                <span className="text-slate-500">
                  {i.status} · <Timestamp value={i.started_at} />
                </span>
              </li>
            ))}
          </ul>
        )}
        <InvestigateIssueButton issueId={detail.issue.issue_id} clusterId={detail.issue.cluster_id} />
      </Panel>
    </div>
  );
}
