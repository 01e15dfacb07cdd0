import type { IssueFilters } from "./issueTypes";

const SELECT = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

interface IssueFilterBarProps {
  filters: IssueFilters;
  onChange: (filters: IssueFilters) => void;
}

function Choice({ label, value, options, onChange }: { label: string; value: string; options: [string, string][]; onChange: (v: string) => void }) {
  return (
    <label className="flex items-center gap-1 text-sm text-slate-600 dark:text-slate-400">
      {label}
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} className={SELECT}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export function IssueFilterBar({ filters, onChange }: IssueFilterBarProps) {
  const set = (key: keyof IssueFilters) => (value: string) => onChange({ ...filters, [key]: value });
  return (
    <form role="search" aria-label="Issue filters" className="flex flex-wrap items-center gap-3" onSubmit={(e) => e.preventDefault()}>
      <input
        type="search"
        aria-label="Search issues"
        placeholder="Search title, alert, cluster…"
        value={filters.q}
        onChange={(e) => set("q")(e.target.value)}
        className={`${SELECT} w-64`}
      />
      <Choice
        label="Status"
        value={filters.status}
        onChange={set("status")}
        options={[["active", "Active"], ["", "Any"], ["open", "Open"], ["acknowledged", "Acknowledged"], ["investigating", "Investigating"], ["silenced", "Silenced"], ["resolved", "Resolved"], ["closed", "Closed"]]}
      />
      <Choice label="Severity" value={filters.severity} onChange={set("severity")} options={[["", "Any"], ["critical", "Critical"], ["warning", "Warning"], ["info", "Info"]]} />
      <Choice label="Tier" value={filters.tier} onChange={set("tier")} options={[["", "Any"], ["S", "S"], ["A", "A"], ["B", "B"]]} />
      <Choice label="Age" value={filters.age} onChange={set("age")} options={[["", "Any"], ["1h", "Last hour"], ["24h", "Last 24 h"], ["7d", "Last 7 days"], ["30d", "Last 30 days"]]} />
      <input
        aria-label="Owner"
        placeholder="Owner (or none)"
        value={filters.owner}
        onChange={(e) => set("owner")(e.target.value)}
        className={`${SELECT} w-40`}
      />
      <input
        aria-label="Cluster id"
        placeholder="Cluster id"
        value={filters.cluster_id}
        onChange={(e) => set("cluster_id")(e.target.value)}
        className={`${SELECT} w-44`}
      />
    </form>
  );
}
