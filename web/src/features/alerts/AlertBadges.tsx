const SEVERITY_TONES: Record<string, string> = {
  critical: "bg-red-50 dark:bg-red-950 text-red-800 dark:text-red-200 ring-red-200 dark:ring-red-800",
  warning: "bg-amber-50 dark:bg-amber-950 text-amber-800 dark:text-amber-200 ring-amber-200 dark:ring-amber-800",
  info: "bg-sky-50 dark:bg-sky-950 text-sky-800 dark:text-sky-300 ring-sky-200 dark:ring-sky-800",
};

const STATUS_TONES: Record<string, string> = {
  firing: "text-red-700 dark:text-red-400",
  resolved: "text-emerald-700 dark:text-emerald-400",
};

export function SeverityBadge({ severity }: { severity: string }) {
  const tone = SEVERITY_TONES[severity] ?? "bg-slate-100 dark:bg-slate-800 text-slate-700 dark:text-slate-300 ring-slate-200";
  return <span className={`inline-flex rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>{severity}</span>;
}

export function AlertStatus({ status }: { status: string }) {
  return <span className={`text-xs font-medium ${STATUS_TONES[status] ?? "text-slate-600"}`}>{status}</span>;
}
