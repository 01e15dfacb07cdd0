import { useMemo } from "react";
import { EChart } from "../../shared/charts/EChart";
import { formatDecimal } from "../../shared/format/formatNumber";
import { Timestamp } from "../../shared/format/Timestamp";
import { Panel } from "../../shared/ui/Panel";
import { QueryView } from "../../shared/ui/QueryView";
import { RiskBadge } from "../risk/RiskBadge";
import { describeForecast, forecastOption } from "./breakingChartOptions";
import type { ClusterBreakingPoint, MetricChart } from "./breakingTypes";
import { useClusterBreakingPoint } from "./useBreakingPoints";

interface ForecastChartPanelProps {
  clusterId: string;
  metric: string;
  onMetricChange: (metric: string) => void;
}

function MetricForecast({ chart }: { chart: MetricChart }) {
  const option = useMemo(() => forecastOption(chart), [chart]);
  const f = chart.forecast;
  return (
    <div className="space-y-2">
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        <div className="flex gap-1">
          <dt>Status</dt>
          <dd>
            <RiskBadge value={f.status} />
          </dd>
        </div>
        <div className="flex gap-1">
          <dt>Now ({chart.statistic})</dt>
          <dd className="tabular-nums">{formatDecimal(f.current_value)}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Slope</dt>
          <dd className="tabular-nums">{f.slope_per_day === null ? "—" : `${formatDecimal(f.slope_per_day)} ${chart.unit}/day`}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Predicted breach</dt>
          <dd>
            {f.breach_at ? (
              <Timestamp value={f.breach_at} />
            ) : f.status === "no_breach" ? (
              `none within ${f.horizon_days} days`
            ) : (
              "not enough data to forecast"
            )}
          </dd>
        </div>
        <div className="flex gap-1">
          <dt>Fit quality</dt>
          <dd className="tabular-nums">{f.fit_quality === null ? "—" : formatDecimal(f.fit_quality * 100) + " %"}</dd>
        </div>
      </dl>
      <EChart option={option} height={300} ariaLabel={describeForecast(chart)} />
    </div>
  );
}

function Charts({ data, metric, onMetricChange }: { data: ClusterBreakingPoint; metric: string; onMetricChange: (m: string) => void }) {
  const chart = data.metrics.find((m) => m.metric_name === metric) ?? data.metrics[0];
  if (!chart) return <p className="text-sm text-slate-500 dark:text-slate-400">No capacity metrics for this cluster.</p>;
  return (
    <div className="space-y-3">
      <div role="tablist" aria-label="Capacity metric" className="flex flex-wrap gap-1">
        {data.metrics.map((m) => (
          <button
            key={m.metric_name}
            type="button"
            role="tab"
            aria-selected={m.metric_name === chart.metric_name}
            onClick={() => onMetricChange(m.metric_name)}
            className={`rounded px-2 py-1 font-mono text-xs ${m.metric_name === chart.metric_name ? "bg-sky-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200 dark:bg-slate-800 dark:text-slate-300"}`}
          >
            {m.metric_name}
          </button>
        ))}
      </div>
      <MetricForecast chart={chart} />
    </div>
  );
}

/** One cluster's capacity metric: history, fitted trend with its prediction band, and the thresholds. */
export function ForecastChartPanel({ clusterId, metric, onMetricChange }: ForecastChartPanelProps) {
  const cluster = useClusterBreakingPoint(clusterId);
  const name = cluster.data?.cluster_name ?? clusterId;
  return (
    <Panel title={`Forecast: ${name}`}>
      <QueryView query={cluster} loadingLabel="Loading forecast…">
        {(data) => <Charts data={data} metric={metric} onMetricChange={onMetricChange} />}
      </QueryView>
    </Panel>
  );
}
