import { FilterSelect } from "../../shared/ui/FilterSelect";
import { ClearFiltersButton } from "../../shared/ui/ClearFiltersButton";
import type { ClusterFilters } from "./clusterQuery";

type SelectField = Exclude<keyof ClusterFilters, "q">;

export type FilterOptions = Record<SelectField, string[]>;

const LABELS: Record<SelectField, string> = {
  state: "State",
  type: "Type",
  tier: "Tier",
  version: "Version",
  region: "Region",
};

interface ClusterFilterBarProps {
  filters: ClusterFilters;
  options: FilterOptions;
  searchText: string;
  onSearchTextChange: (text: string) => void;
  onFilterChange: (field: SelectField, value: string) => void;
  onClear: () => void;
  canClear: boolean;
}

export function ClusterFilterBar(props: ClusterFilterBarProps) {
  const { filters, options, searchText, onSearchTextChange, onFilterChange, onClear, canClear } = props;
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label className="flex min-w-56 flex-1 flex-col text-xs text-slate-500 dark:text-slate-400">
        Search
        <input
          type="search"
          data-shortcut="search"
          value={searchText}
          onChange={(event) => onSearchTextChange(event.target.value)}
          placeholder="Cluster, organization or id"
          className="mt-0.5 rounded border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-1.5 text-sm text-slate-900 dark:text-slate-100 placeholder:text-slate-400 focus:border-sky-500 focus:outline-none"
        />
      </label>
      {(Object.keys(LABELS) as SelectField[]).map((field) => {
        const current = filters[field];
        // A value picked from a chart may not be among the options; keep it selectable.
        const values = current && !options[field].includes(current) ? [current, ...options[field]] : options[field];
        if (values.length === 0) return null;
        return (
          <FilterSelect key={field} label={LABELS[field]} value={current} values={values} onChange={(value) => onFilterChange(field, value)} />
        );
      })}
      {canClear && <ClearFiltersButton onClear={onClear} />}
    </div>
  );
}
