import type { PatrolProgress } from "./patrolTypes";

export function PatrolProgressBar({ progress }: { progress: PatrolProgress }) {
  const pct = progress.of > 0 ? Math.round((progress.step / progress.of) * 100) : 0;
  return (
    <div className="space-y-1">
      <div role="progressbar" aria-label="Patrol progress" aria-valuemin={0} aria-valuemax={progress.of} aria-valuenow={progress.step}
        className="h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700">
        <div className="h-2 bg-sky-600" style={{ width: `${pct}%` }} />
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Step {progress.step} of {progress.of}: {progress.label}
      </p>
    </div>
  );
}
