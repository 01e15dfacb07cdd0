const TONES: Record<string, string> = {
  RUNNING: "bg-emerald-50 dark:bg-emerald-950 text-emerald-800 dark:text-emerald-300 ring-emerald-200 dark:ring-emerald-800",
  ACTIVE: "bg-emerald-50 dark:bg-emerald-950 text-emerald-800 dark:text-emerald-300 ring-emerald-200 dark:ring-emerald-800",
  SUCCEEDED: "bg-emerald-50 dark:bg-emerald-950 text-emerald-800 dark:text-emerald-300 ring-emerald-200 dark:ring-emerald-800",
  SUSPENDED: "bg-slate-100 dark:bg-slate-800 text-slate-700 dark:text-slate-300 ring-slate-200 dark:ring-slate-700",
  ABNORMAL: "bg-red-50 dark:bg-red-950 text-red-800 dark:text-red-200 ring-red-200 dark:ring-red-800",
  FAILED: "bg-red-50 dark:bg-red-950 text-red-800 dark:text-red-200 ring-red-200 dark:ring-red-800",
  RELEASED: "bg-slate-50 dark:bg-slate-800/60 text-slate-500 dark:text-slate-400 ring-slate-200 dark:ring-slate-700",
};

const DEFAULT_TONE = "bg-sky-50 dark:bg-sky-950 text-sky-800 dark:text-sky-300 ring-sky-200 dark:ring-sky-800";

/** A control-plane state (cluster, node, action) as a coloured pill. */
export function StateBadge({ state }: { state: string | null | undefined }) {
  if (!state) return <span className="text-slate-400">—</span>;
  const tone = TONES[state.toUpperCase()] ?? DEFAULT_TONE;
  return <span className={`inline-flex rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>{state}</span>;
}
