const TONES: Record<string, string> = {
  critical: "bg-red-50 dark:bg-red-950 text-red-800 dark:text-red-200 ring-red-200 dark:ring-red-800",
  high: "bg-orange-50 dark:bg-orange-950 text-orange-800 dark:text-orange-200 ring-orange-200 dark:ring-orange-800",
  medium: "bg-yellow-50 dark:bg-yellow-950 text-yellow-800 dark:text-yellow-200 ring-yellow-200 dark:ring-yellow-800",
  low: "bg-emerald-50 dark:bg-emerald-950 text-emerald-800 dark:text-emerald-300 ring-emerald-200 dark:ring-emerald-800",
  healthy: "bg-emerald-50 dark:bg-emerald-950 text-emerald-800 dark:text-emerald-300 ring-emerald-200 dark:ring-emerald-800",
  warning: "bg-yellow-50 dark:bg-yellow-950 text-yellow-800 dark:text-yellow-200 ring-yellow-200 dark:ring-yellow-800",
  breached: "bg-red-50 dark:bg-red-950 text-red-800 dark:text-red-200 ring-red-200 dark:ring-red-800",
  breach: "bg-orange-50 dark:bg-orange-950 text-orange-800 dark:text-orange-200 ring-orange-200 dark:ring-orange-800",
};

const NEUTRAL = "bg-slate-100 dark:bg-slate-800 text-slate-700 dark:text-slate-300 ring-slate-200 dark:ring-slate-700";

/** A risk level, health status or breach status as a coloured pill (underscores read as spaces). */
export function RiskBadge({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="text-slate-400">—</span>;
  return (
    <span className={`inline-flex rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONES[value] ?? NEUTRAL}`}>
      {value.replace(/_/g, " ")}
    </span>
  );
}
