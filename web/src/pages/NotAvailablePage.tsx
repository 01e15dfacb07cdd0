import { Link } from "react-router";
import type { Availability } from "../shared/layout/navItems";

interface NotAvailablePageProps {
  title: string;
  reason: Exclude<Availability, "available">;
}

/** Stands in for a page that cannot be shown yet; it shows no made-up data. */
export function NotAvailablePage({ title, reason }: NotAvailablePageProps) {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">{title}</h1>
      <div role="status" className="rounded-lg border border-slate-200 bg-white px-5 py-6 dark:border-slate-800 dark:bg-slate-900">
        <p className="font-medium text-slate-800 dark:text-slate-200">This page is not available yet.</p>
        <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
          {reason === "off"
            ? `The server reports ${title} as not available in this installation.`
            : `${title} is planned but not built in this version of BYOC Fleet.`}{" "}
          <Link to="/help" className="text-sky-700 hover:underline dark:text-sky-400">
            What each page will do
          </Link>{" "}
          ·{" "}
          <Link to="/overview" className="text-sky-700 hover:underline dark:text-sky-400">
            Go to the Overview
          </Link>
        </p>
      </div>
    </div>
  );
}
