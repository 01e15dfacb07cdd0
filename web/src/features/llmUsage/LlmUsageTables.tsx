import { createColumnHelper } from "@tanstack/react-table";
import { Link } from "react-router";
import { formatNumber } from "../../shared/format/formatNumber";
import { Timestamp } from "../../shared/format/Timestamp";
import { DataTable } from "../../shared/table/DataTable";
import { Panel } from "../../shared/ui/Panel";
import { formatCost, totalTokens, type UsageConsumer, type UsageGroup } from "./llmUsageTypes";

const group = createColumnHelper<UsageGroup>();
const consumer = createColumnHelper<UsageConsumer>();

const cost = formatCost;

function groupColumns(nameHeader: string, link?: (row: UsageGroup) => string) {
  return [
    group.accessor("name", {
      header: nameHeader,
      cell: (info) => {
        const row = info.row.original;
        const text = row.label ? `${row.label} (${row.name})` : row.name;
        return link ? <Link className="text-sky-700 hover:underline dark:text-sky-400" to={link(row)}>{text}</Link> : text;
      },
    }),
    group.accessor("calls", { header: "Calls", cell: (info) => formatNumber(info.getValue()) }),
    group.accessor("errors", { header: "Failed", cell: (info) => formatNumber(info.getValue()) }),
    group.display({ id: "tokens", header: "Tokens", cell: (info) => formatNumber(totalTokens(info.row.original)) }),
    group.accessor("cost_usd", { header: "Cost", cell: (info) => cost(info.getValue()) }),
  ];
}

const agentColumns = groupColumns("Agent");
const modelColumns = groupColumns("Model");
const clusterColumns = groupColumns("Cluster", (row) => `/overview/clusters/${encodeURIComponent(row.name)}`);

const consumerColumns = [
  consumer.accessor("kind", { header: "Kind" }),
  consumer.accessor("id", { header: "Id", cell: (info) => <span className="font-mono">{info.getValue()}</span> }),
  consumer.accessor("agent", { header: "Agent" }),
  consumer.accessor("cluster_id", { header: "Cluster", cell: (info) => info.getValue() ?? "—" }),
  consumer.accessor("calls", { header: "Calls", cell: (info) => formatNumber(info.getValue()) }),
  consumer.accessor("total_tokens", { header: "Tokens", cell: (info) => formatNumber(info.getValue()) }),
  consumer.accessor("cost_usd", { header: "Cost", cell: (info) => cost(info.getValue()) }),
  consumer.accessor("last_at", { header: "Last call", cell: (info) => <Timestamp value={info.getValue()} /> }),
];

interface LlmUsageTablesProps {
  byAgent: UsageGroup[];
  byModel: UsageGroup[];
  byCluster: UsageGroup[];
  topConsumers: UsageConsumer[];
}

export function LlmUsageTables({ byAgent, byModel, byCluster, topConsumers }: LlmUsageTablesProps) {
  return (
    <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
      <Panel title="By agent">
        <DataTable data={byAgent} columns={agentColumns} ariaLabel="Usage by agent" emptyText="No calls." />
      </Panel>
      <Panel title="By model">
        <DataTable data={byModel} columns={modelColumns} ariaLabel="Usage by model" emptyText="No calls." />
      </Panel>
      <Panel title="Top consumers" className="xl:col-span-2">
        <DataTable data={topConsumers} columns={consumerColumns} ariaLabel="Top consumers"
          emptyText="No investigation, patrol, chat or cluster used the model in this window." />
      </Panel>
      <Panel title="By cluster" className="xl:col-span-2">
        <DataTable data={byCluster} columns={clusterColumns} ariaLabel="Usage by cluster"
          emptyText="No call in this window was about a cluster." />
      </Panel>
    </div>
  );
}
