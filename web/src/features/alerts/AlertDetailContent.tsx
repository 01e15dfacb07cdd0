import type { ReactNode } from "react";
import { formatText } from "../../shared/format/formatNumber";
import { Timestamp } from "../../shared/format/Timestamp";
import { AlertStatus, SeverityBadge } from "./AlertBadges";
import type { AlertDetail } from "./alertTypes";
import { RawPayload } from "./RawPayload";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-800 dark:text-slate-200">{title}</h3>
      {children}
    </section>
  );
}

function Fields({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
          <dd className="break-all text-slate-900 dark:text-slate-100">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function KeyValues({ values, empty }: { values: Record<string, string>; empty: string }) {
  const entries = Object.entries(values).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">{empty}</p>;
  return <Fields rows={entries.map(([k, v]) => [k, v])} />;
}

export function AlertDetailContent({ alert }: { alert: AlertDetail }) {
  const cluster = alert.cluster_id
    ? `${alert.cluster_name ?? alert.cluster_id} (${alert.cluster_id})`
    : `unmapped${alert.cluster_ref ? ` — named "${alert.cluster_ref}"` : ""}`;
  return (
    <div className="space-y-5">
      <header className="space-y-1 pr-16">
        <h2 className="text-lg font-semibold text-slate-900 dark:text-slate-100">
          {alert.alert_name ?? (alert.parse_status === "parsed" ? "(no name)" : "Unparsed message")}
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={alert.severity} />
          <AlertStatus status={alert.status} />
          <span className="text-xs text-slate-500 dark:text-slate-400">from {alert.source}</span>
        </div>
        {alert.parse_status !== "parsed" && (
          <p role="note" className="rounded bg-amber-50 dark:bg-amber-950 px-2 py-1 text-sm text-amber-800 dark:text-amber-200">
            Not parsed: {formatText(alert.parse_error)}
          </p>
        )}
      </header>
      <Section title="Normalized fields">
        <Fields
          rows={[
            ["Cluster", cluster],
            ["Organization", formatText(alert.org_id)],
            ["Tier", formatText(alert.tier)],
            ["Node", formatText(alert.node)],
            ["Summary", formatText(alert.summary)],
            ["Description", formatText(alert.description)],
            ["Starts", <Timestamp key="s" value={alert.starts_at} withSeconds />],
            ["Ends", <Timestamp key="e" value={alert.ends_at} withSeconds />],
            ["Received", <Timestamp key="r" value={alert.received_at} withSeconds />],
            ["Fingerprint", formatText(alert.fingerprint)],
            ["Alert id", formatText(alert.alert_id)],
            ["Message id", alert.message_id],
            ["Source message id", formatText(alert.source_message_id)],
            ["Generator URL", formatText(alert.generator_url)],
            ["Ingestion run", formatText(alert.ingest_run_id)],
            ["Issue", formatText(alert.issue_id)],
          ]}
        />
      </Section>
      <Section title="Labels">
        <KeyValues values={alert.labels} empty="No labels." />
      </Section>
      <Section title="Annotations">
        <KeyValues values={alert.annotations} empty="No annotations." />
      </Section>
      <Section title="Raw payload">
        <RawPayload raw={alert.raw_payload} />
      </Section>
    </div>
  );
}
