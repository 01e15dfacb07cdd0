import type { ReactNode } from "react";

interface StatCardProps {
  label: string;
  value: string;
  hint?: ReactNode;
}

export function StatCard({ label, value, hint }: StatCardProps) {
  return (
    <section aria-label={label} className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-4 py-3 shadow-xs">
      <h3 className="text-xs font-medium tracking-wide text-slate-500 dark:text-slate-400 uppercase">{label}</h3>
      <p className="mt-1 text-2xl font-semibold text-slate-900 dark:text-slate-100 tabular-nums">{value}</p>
      {hint && <div className="mt-1 text-xs text-slate-500 dark:text-slate-400">{hint}</div>}
    </section>
  );
}
