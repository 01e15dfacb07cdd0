import { lazy, Suspense, type ReactNode } from "react";
import { LoadingState } from "../../shared/ui/LoadingState";
import { formatText } from "../../shared/format/formatNumber";
import { DataTable } from "../../shared/table/DataTable";
import { OpenIssuesList } from "../issues/OpenIssuesList";
import { StateBadge } from "../../shared/ui/StateBadge";
import { ClusterMetricsTable } from "./ClusterMetricsTable";
import { actionColumns, nodeColumns, resourceColumns, stateHistoryColumns } from "./detailColumns";
import type { ClusterDetail } from "./fleetTypes";
import { RecordFields } from "./RecordFields";

// The health part draws a chart: ECharts loads with it, after the control-plane record is on screen.
const ClusterHealthSection = lazy(() =>
  import("../health/ClusterHealthSection").then((m) => ({ default: m.ClusterHealthSection })),
);

const CLUSTER_FIELDS: [string, string][] = [
  ["cluster_id", "Cluster id"],
  ["cluster_type", "Type"],
  ["tier", "Tier"],
  ["cluster_version", "Version"],
  ["csp", "Cloud"],
  ["region", "Region"],
  ["created_at", "Created"],
  ["updated_at", "Updated"],
];

const ORG_FIELDS: [string, string][] = [
  ["org_name", "Name"],
  ["org_id", "Org id"],
  ["status", "Status"],
  ["payment_type", "Payment"],
  ["ccu_balance", "CCU balance"],
  ["contract_start", "Contract start"],
  ["contract_end", "Contract end"],
];

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  return (
    <section aria-label={title} className="border-t border-slate-200 dark:border-slate-700 pt-3">
      <h3 className="mb-2 text-sm font-semibold text-slate-800 dark:text-slate-200">
        {title}
        {count !== undefined && <span className="ml-1 font-normal text-slate-400">({count})</span>}
      </h3>
      {children}
    </section>
  );
}

export function ClusterDetailContent({ detail }: { detail: ClusterDetail }) {
  const { cluster } = detail;
  const name = formatText(cluster.cluster_name ?? cluster.cluster_id);
  const state = typeof cluster.cluster_state === "string" ? cluster.cluster_state : null;
  const abnormalReason = typeof cluster.abnormal_reason === "string" ? cluster.abnormal_reason : null;
  const metrics = detail.latest_metrics ?? [];

  return (
    <div className="space-y-4">
      <header>
        <div className="flex items-center gap-2">
          <h2 className="text-lg font-semibold text-slate-900 dark:text-slate-100">{name}</h2>
          <StateBadge state={state} />
        </div>
        {abnormalReason && <p className="mt-1 text-sm text-red-700 dark:text-red-300">{abnormalReason}</p>}
      </header>
      <RecordFields record={cluster} fields={CLUSTER_FIELDS} />

      <Section title="Health score">
        <Suspense fallback={<LoadingState label="Loading health score…" />}>
          <ClusterHealthSection clusterId={String(cluster.cluster_id)} />
        </Suspense>
      </Section>


      <Section title="Open issues">
        <OpenIssuesList clusterId={cluster.cluster_id as string} limit={5} />
      </Section>
      <Section title="Latest metrics" count={metrics.length}>
        <ClusterMetricsTable metrics={metrics} />
      </Section>
      <Section title="Organization">
        {detail.organization ? (
          <RecordFields record={detail.organization} fields={ORG_FIELDS} />
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">No organization record.</p>
        )}
      </Section>
      <Section title="Resources" count={detail.resources?.length ?? 0}>
        <DataTable data={detail.resources ?? []} columns={resourceColumns} ariaLabel="Resources" emptyText="No resources." />
      </Section>
      <Section title="Nodes" count={detail.nodes?.length ?? 0}>
        <DataTable data={detail.nodes ?? []} columns={nodeColumns} ariaLabel="Nodes" emptyText="No nodes." />
      </Section>
      <Section title="Recent actions" count={detail.recent_actions?.length ?? 0}>
        <DataTable
          data={detail.recent_actions ?? []}
          columns={actionColumns}
          ariaLabel="Recent actions"
          emptyText="No recent actions."
        />
      </Section>
      <Section title="State history" count={detail.state_history?.length ?? 0}>
        <DataTable
          data={detail.state_history ?? []}
          columns={stateHistoryColumns}
          ariaLabel="State history"
          emptyText="No state changes recorded."
        />
      </Section>
    </div>
  );
}
