import { useMemo, useState } from "react";
import { EChart } from "../../shared/charts/EChart";
import { Timestamp } from "../../shared/format/Timestamp";
import { Panel } from "../../shared/ui/Panel";
import { QueryView } from "../../shared/ui/QueryView";
import { describeGroups, describeLevels, groupsByRisk, levelBarOption, stackedLevelOption } from "./riskChartOptions";
import type { RiskDistribution } from "./riskTypes";
import { useRiskDistribution } from "./useRisk";

const BREAKDOWNS = [
  { key: "by_tier", label: "tier" },
  { key: "by_region", label: "region" },
  { key: "by_version", label: "version" },
  { key: "by_cluster_type", label: "cluster type" },
] as const;

type BreakdownKey = (typeof BREAKDOWNS)[number]["key"];

function Breakdown({ distribution }: { distribution: RiskDistribution }) {
  const [key, setKey] = useState<BreakdownKey>("by_tier");
  const label = BREAKDOWNS.find((b) => b.key === key)?.label ?? "";
  const groups = useMemo(() => groupsByRisk(distribution[key] ?? {}), [distribution, key]);
  const option = useMemo(() => stackedLevelOption(groups), [groups]);
  return (
    <Panel
      title="Risk by group"
      className="xl:col-span-2"
      actions={
        <label className="flex items-center gap-1 text-xs text-slate-500 dark:text-slate-400">
          by
          <select
            aria-label="Risk breakdown"
            value={key}
            onChange={(e) => setKey(e.target.value as BreakdownKey)}
            className="rounded border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-800 px-1 py-0.5 text-xs"
          >
            {BREAKDOWNS.map((b) => (
              <option key={b.key} value={b.key}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
      }
    >
      {groups.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No data.</p>
      ) : (
        <EChart
          option={option}
          height={Math.max(200, groups.length * 26 + 60)}
          ariaLabel={describeGroups(`Risk by ${label}`, groups)}
        />
      )}
    </Panel>
  );
}

/** The newest risk snapshot: clusters per level, and per level within a tier, region, version or type. */
export function RiskDistributionPanels() {
  const distribution = useRiskDistribution();
  return (
    <QueryView query={distribution} loadingLabel="Loading risk…">
      {(d) =>
        d.as_of === null ? (
          <Panel title="Risk by level">
            <p className="text-sm text-slate-500 dark:text-slate-400">No risk assessed yet: the first scoring pass has not run.</p>
          </Panel>
        ) : (
          <>
            <Panel
              title="Risk by level"
              actions={
                <span className="text-xs text-slate-500 dark:text-slate-400">
                  as of <Timestamp value={d.as_of} />
                </span>
              }
            >
              <EChart option={levelBarOption(d.by_level)} height={200} ariaLabel={describeLevels("Risk by level", d.by_level)} />
            </Panel>
            <Breakdown distribution={d} />
          </>
        )
      }
    </QueryView>
  );
}
