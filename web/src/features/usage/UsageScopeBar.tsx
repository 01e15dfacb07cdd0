import { SelectField, TextField } from "../../shared/ui/SelectField";
import type { UsageScope } from "./useUsage";

interface UsageScopeBarProps {
  scope: UsageScope;
  regions: string[];
  onChange: (field: keyof UsageScope, value: string) => void;
}

/** A cluster id narrows to that cluster (the fleet filters then do not apply); otherwise tier, type and region narrow the fleet. */
export function UsageScopeBar({ scope, regions, onChange }: UsageScopeBarProps) {
  const single = scope.cluster_id.trim() !== "";
  return (
    <div role="group" aria-label="Usage scope" className="flex flex-wrap items-end gap-2">
      <TextField label="Cluster id" type="search" value={scope.cluster_id} placeholder="whole fleet" onChange={(v) => onChange("cluster_id", v)} />
      {!single && (
        <>
          <SelectField label="Tier" value={scope.tier} options={["S", "A", "B"]} onChange={(v) => onChange("tier", v)} />
          <SelectField label="Type" value={scope.type} options={["CLASSIC", "ELASTIC"]} onChange={(v) => onChange("type", v)} />
          <SelectField label="Region" value={scope.region} options={regions} onChange={(v) => onChange("region", v)} />
        </>
      )}
      <SelectField
        label="Window"
        value={scope.days}
        emptyLabel="28 days"
        options={["7", "14", "60"].map((d) => ({ value: d, label: `${d} days` }))}
        onChange={(v) => onChange("days", v)}
      />
    </div>
  );
}
