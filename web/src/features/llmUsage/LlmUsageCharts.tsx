import { useMemo, useState } from "react";
import { EChart } from "../../shared/charts/EChart";
import { Panel } from "../../shared/ui/Panel";
import { dailySeries, describeDaily, stackedBarOption, type Measure, type SplitBy } from "./llmUsageChartOptions";
import type { UsageDaily } from "./llmUsageTypes";

function SplitToggle({ value, onChange }: { value: SplitBy; onChange: (v: SplitBy) => void }) {
  return (
    <div role="group" aria-label="Split by" className="flex gap-1 text-xs">
      {(["agent", "model"] as const).map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={value === option}
          onClick={() => onChange(option)}
          className={`rounded px-2 py-0.5 ${value === option ? "bg-sky-600 text-white" : "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300"}`}
        >
          by {option}
        </button>
      ))}
    </div>
  );
}

/** Tokens and cost per day, stacked by agent or by model. */
export function LlmUsageCharts({ daily }: { daily: UsageDaily[] }) {
  const [splitBy, setSplitBy] = useState<SplitBy>("agent");
  const charts = useMemo(
    () =>
      (["tokens", "cost"] as Measure[]).map((measure) => {
        const title = `${measure === "tokens" ? "Tokens" : "Cost"} by day and ${splitBy}`;
        const data = dailySeries(daily, splitBy, measure);
        return { measure, title, option: stackedBarOption(data, measure), label: describeDaily(title, data, measure) };
      }),
    [daily, splitBy],
  );
  return (
    <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
      {charts.map((chart) => (
        <Panel key={chart.measure} title={chart.title} actions={<SplitToggle value={splitBy} onChange={setSplitBy} />}>
          <EChart option={chart.option} ariaLabel={chart.label} height={260} />
        </Panel>
      ))}
    </div>
  );
}
