import { createColumnHelper } from "@tanstack/react-table";
import { formatText } from "../../shared/format/formatNumber";
import { Timestamp } from "../../shared/format/Timestamp";
import { StateBadge } from "../../shared/ui/StateBadge";
import type { DetailRecord } from "./fleetTypes";

const column = createColumnHelper<DetailRecord>();

type Kind = "text" | "time" | "state";

function field(key: string, header: string, kind: Kind = "text") {
  return column.accessor((row) => row[key], {
    id: key,
    header,
    cell: (c) => {
      const value = c.getValue();
      if (kind === "state") return <StateBadge state={typeof value === "string" ? value : null} />;
      if (kind === "time") return <Timestamp value={typeof value === "string" ? value : null} />;
      return formatText(value);
    },
  });
}

function transition(fromKey: string, toKey: string, header: string) {
  return column.accessor((row) => `${formatText(row[fromKey])} → ${formatText(row[toKey])}`, {
    id: `${fromKey}_${toKey}`,
    header,
    cell: (c) => <span className="whitespace-nowrap">{c.getValue()}</span>,
  });
}

// Column names follow the byoc control-plane tables (cluster_resource, node, cluster_action,
// cluster_state_history); a field the API leaves out shows as a dash.

export const resourceColumns = [
  field("resource_type", "Type"),
  field("name", "Name"),
  field("state", "State", "state"),
  field("instance_type", "Instance"),
  field("node_count", "Nodes"),
];

export const nodeColumns = [
  field("node_type", "Type"),
  field("fe_role", "FE role"),
  field("node_id", "Node"),
  field("instance_type", "Instance"),
  field("az", "AZ"),
  field("state", "State", "state"),
  field("sr_version", "Version"),
  field("last_heartbeat", "Last heartbeat", "time"),
];

export const actionColumns = [
  field("started_at", "Started", "time"),
  field("action_type", "Action"),
  field("state", "State", "state"),
  transition("from_value", "to_value", "Change"),
  field("requested_by", "By"),
  field("err_msg", "Error"),
];

export const stateHistoryColumns = [
  field("changed_at", "Changed", "time"),
  transition("from_state", "to_state", "Transition"),
  field("abnormal_reason", "Reason"),
];
