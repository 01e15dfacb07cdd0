import { Link, useLocation } from "react-router";

export function NotFoundPage() {
  const location = useLocation();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">Page not found</h1>
      <div className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-5 py-6 text-sm text-slate-600 dark:text-slate-400">
        <p>
          404 — there is no page at <code className="rounded bg-slate-100 dark:bg-slate-800 px-1 font-mono">{location.pathname}</code>.
        </p>
        <p className="mt-1">
          <Link to="/overview" className="text-sky-700 dark:text-sky-400 hover:underline">
            Go to the Overview
          </Link>
        </p>
      </div>
    </div>
  );
}
