import { Link } from "react-router";

/** Stands in for a page of the product that has not been built yet; it shows no made-up data. */
export function NotAvailablePage({ title }: { title: string }) {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      <div role="status" className="rounded-lg border border-slate-200 bg-white px-5 py-6">
        <p className="font-medium text-slate-800">This page is not available yet.</p>
        <p className="mt-1 text-sm text-slate-500">
          {title} is planned but not built in this version of BYOC Fleet.{" "}
          <Link to="/overview" className="text-sky-700 hover:underline">
            Go to the Overview
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
