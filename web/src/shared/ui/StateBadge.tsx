const TONES: Record<string, string> = {
  RUNNING: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  ACTIVE: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  SUCCEEDED: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  SUSPENDED: "bg-slate-100 text-slate-700 ring-slate-200",
  ABNORMAL: "bg-red-50 text-red-800 ring-red-200",
  FAILED: "bg-red-50 text-red-800 ring-red-200",
  RELEASED: "bg-slate-50 text-slate-500 ring-slate-200",
};

const DEFAULT_TONE = "bg-sky-50 text-sky-800 ring-sky-200";

/** A control-plane state (cluster, node, action) as a coloured pill. */
export function StateBadge({ state }: { state: string | null | undefined }) {
  if (!state) return <span className="text-slate-400">—</span>;
  const tone = TONES[state.toUpperCase()] ?? DEFAULT_TONE;
  return <span className={`inline-flex rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>{state}</span>;
}
