export function LoadingState({ label = "Loading…" }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-2 px-4 py-6 text-sm text-slate-500 dark:text-slate-400">
      <span className="size-3 animate-pulse rounded-full bg-sky-500" aria-hidden="true" />
      {label}
    </div>
  );
}
