// Class names and small pieces shared by the admin tables of the Settings page.

export const tableClass = "min-w-full text-left text-sm";
export const headClass = "px-2 py-1.5 text-xs font-medium whitespace-nowrap text-slate-500 dark:text-slate-400";
export const cellClass = "px-2 py-2 align-middle text-slate-800 dark:text-slate-200";
export const selectClass =
  "rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 disabled:opacity-60 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";

const STATUS_TONES: Record<string, string> = {
  active: "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-800",
  pending: "bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950 dark:text-sky-300 dark:ring-sky-800",
  invited: "bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950 dark:text-sky-300 dark:ring-sky-800",
  disabled: "bg-slate-100 text-slate-600 ring-slate-200 dark:bg-slate-800 dark:text-slate-400 dark:ring-slate-700",
};

export function StatusPill({ status }: { status: string | undefined | null }) {
  if (!status) return <span className="text-slate-400">—</span>;
  const tone = STATUS_TONES[status] ?? STATUS_TONES.disabled;
  return <span className={`inline-flex rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>{status}</span>;
}
