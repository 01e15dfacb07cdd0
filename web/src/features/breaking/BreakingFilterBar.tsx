import { SelectField, TextField } from "../../shared/ui/SelectField";
import { BREACH_STATUSES, CAPACITY_METRICS } from "./breakingTypes";
import type { BreakingFilters } from "./useBreakingPoints";

interface BreakingFilterBarProps {
  filters: BreakingFilters;
  regions: string[];
  onChange: (field: keyof BreakingFilters, value: string) => void;
}

const STATUS_OPTIONS = [{ value: "all", label: "every status" }, ...BREACH_STATUSES.map((s) => ({ value: s, label: s.replace(/_/g, " ") }))];

export function BreakingFilterBar({ filters, regions, onChange }: BreakingFilterBarProps) {
  return (
    <div role="group" aria-label="Breaking point filters" className="flex flex-wrap items-end gap-2">
      <SelectField label="Metric" value={filters.metric} options={CAPACITY_METRICS} onChange={(v) => onChange("metric", v)} />
      <SelectField
        label="Status"
        value={filters.status}
        options={STATUS_OPTIONS}
        emptyLabel="breached or breach"
        onChange={(v) => onChange("status", v)}
      />
      <SelectField label="Tier" value={filters.tier} options={["S", "A", "B"]} onChange={(v) => onChange("tier", v)} />
      <SelectField label="Type" value={filters.type} options={["CLASSIC", "ELASTIC"]} onChange={(v) => onChange("type", v)} />
      <SelectField label="Region" value={filters.region} options={regions} onChange={(v) => onChange("region", v)} />
      <TextField
        label="Within days"
        type="number"
        value={filters.within_days}
        placeholder="any"
        className="w-28"
        onChange={(v) => onChange("within_days", v)}
      />
    </div>
  );
}
