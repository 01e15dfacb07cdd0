import { isRouteErrorResponse, Link, useRouteError } from "react-router";

/** Shown when rendering a route throws, instead of a blank screen. */
export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : "Unknown error";
  return (
    <div role="alert" className="m-8 rounded-lg border border-red-200 dark:border-red-900 bg-red-50 dark:bg-red-950 px-5 py-6 text-sm text-red-900 dark:text-red-100">
      <p className="font-semibold">The page failed to render.</p>
      <p className="mt-1 font-mono text-xs">{message}</p>
      <Link to="/overview" className="mt-2 inline-block text-sky-700 dark:text-sky-400 hover:underline">
        Back to the Overview
      </Link>
    </div>
  );
}
