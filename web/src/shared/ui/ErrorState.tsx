import { isApiError } from "../api/ApiError";

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
}

/** Shows the problem detail's title and detail when the server sent one. */
export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const title = isApiError(error) ? error.title : "Something went wrong";
  const detail = isApiError(error) ? error.detail : error instanceof Error ? error.message : undefined;
  const status = isApiError(error) && error.status > 0 ? error.status : undefined;

  return (
    <div role="alert" className="rounded-md border border-red-200 dark:border-red-900 bg-red-50 dark:bg-red-950 px-4 py-3 text-sm text-red-900 dark:text-red-100">
      <p className="font-semibold">
        {title}
        {status !== undefined && <span className="ml-2 font-mono text-xs font-normal text-red-700 dark:text-red-300">HTTP {status}</span>}
      </p>
      {detail && <p className="mt-1 text-red-800 dark:text-red-200">{detail}</p>}
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-2 rounded border border-red-300 bg-white dark:bg-slate-900 px-2 py-1 text-xs font-medium text-red-800 dark:text-red-200 hover:bg-red-100"
        >
          Retry
        </button>
      )}
    </div>
  );
}
