import { FilterSelect } from "../../shared/ui/FilterSelect";
import { ClearFiltersButton } from "../../shared/ui/ClearFiltersButton";
import { SEVERITIES, SOURCES, STATUSES, TIERS, TIME_WINDOWS, type AlertFilters } from "./alertQuery";

type SelectField = "source" | "status" | "severity" | "tier";
type TypedField = "q" | "cluster_id" | "org_id";

const SELECTS: { field: SelectField; label: string; values: string[] }[] = [
  { field: "source", label: "Source", values: SOURCES },
  { field: "status", label: "Status", values: STATUSES },
  { field: "severity", label: "Severity", values: SEVERITIES },
  { field: "tier", label: "Tier", values: TIERS },
];

const fieldClass =
  "mt-0.5 rounded border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-1.5 text-sm text-slate-900 dark:text-slate-100 placeholder:text-slate-400 focus:border-sky-500 focus:outline-none";
const labelClass = "flex flex-col text-xs text-slate-500 dark:text-slate-400";

interface AlertFilterBarProps {
  filters: AlertFilters;
  typed: Pick<AlertFilters, TypedField>;
  onTypedChange: (field: TypedField, value: string) => void;
  onFilterChange: <K extends keyof AlertFilters>(field: K, value: AlertFilters[K]) => void;
  onClear: () => void;
  canClear: boolean;
}

export function AlertFilterBar({ filters, typed, onTypedChange, onFilterChange, onClear, canClear }: AlertFilterBarProps) {
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label className={`${labelClass} min-w-56 flex-1`}>
        Search
        <input
          type="search"
          data-shortcut="search"
          value={typed.q}
          onChange={(event) => onTypedChange("q", event.target.value)}
          placeholder="Alert name, summary, cluster or node"
          className={fieldClass}
        />
      </label>
      <label className={labelClass}>
        Received
        <select value={filters.window} onChange={(event) => onFilterChange("window", event.target.value)} className={fieldClass}>
          {TIME_WINDOWS.map((w) => (
            <option key={w.value} value={w.value}>
              {w.label}
            </option>
          ))}
        </select>
      </label>
      {filters.window === "custom" &&
        (["from", "to"] as const).map((bound) => (
          <label key={bound} className={labelClass}>
            {bound === "from" ? "From" : "To"}
            <input
              type="datetime-local"
              value={filters[bound]}
              onChange={(event) => onFilterChange(bound, event.target.value)}
              className={fieldClass}
            />
          </label>
        ))}
      {SELECTS.map(({ field, label, values }) => (
        <FilterSelect key={field} label={label} value={filters[field]} values={values} onChange={(value) => onFilterChange(field, value)} />
      ))}
      <label className={`${labelClass} w-36`}>
        Cluster id
        <input
          value={typed.cluster_id}
          onChange={(event) => onTypedChange("cluster_id", event.target.value)}
          className={fieldClass}
        />
      </label>
      <label className={`${labelClass} w-32`}>
        Organization id
        <input value={typed.org_id} onChange={(event) => onTypedChange("org_id", event.target.value)} className={fieldClass} />
      </label>
      <label className="flex items-center gap-1.5 py-1.5 text-sm text-slate-700 dark:text-slate-300">
        <input
          type="checkbox"
          checked={filters.unparsed}
          onChange={(event) => onFilterChange("unparsed", event.target.checked)}
        />
        Unparsed only
      </label>
      {canClear && <ClearFiltersButton onClear={onClear} />}
    </div>
  );
}
