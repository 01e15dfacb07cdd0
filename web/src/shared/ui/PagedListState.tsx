import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { EmptyState } from "./EmptyState";
import { ErrorState } from "./ErrorState";
import { LoadingState } from "./LoadingState";

interface PagedListStateProps<T extends { total: number; items: unknown[] }> {
  result: UseQueryResult<T>;
  /** Plural, lower case: "clusters". */
  noun: string;
  filtered: boolean;
  /** Title and hint when nothing is stored at all. */
  emptyTitle: string;
  emptyHint: string;
  onFirstPage: () => void;
  children: (data: T) => ReactNode;
}

/** Loading, error, empty (filtered or not) and past-the-end states of a list paged on the server. */
export function PagedListState<T extends { total: number; items: unknown[] }>(props: PagedListStateProps<T>) {
  const { result, noun, filtered, emptyTitle, emptyHint, onFirstPage, children } = props;
  if (result.isPending) return <LoadingState label={`Loading ${noun}…`} />;
  if (result.isError) return <ErrorState error={result.error} onRetry={() => void result.refetch()} />;
  if (result.data.total === 0) {
    return (
      <EmptyState title={filtered ? `No ${noun} match these filters` : emptyTitle}>
        {filtered ? "Change or clear the filters above." : emptyHint}
      </EmptyState>
    );
  }
  if (result.data.items.length === 0) {
    return (
      <EmptyState title={`No ${noun} on this page`}>
        <button type="button" className="text-sky-700 dark:text-sky-400 hover:underline" onClick={onFirstPage}>
          Go to the first page
        </button>
      </EmptyState>
    );
  }
  return <div className={`space-y-3 transition-opacity ${result.isPlaceholderData ? "opacity-60" : ""}`}>{children(result.data)}</div>;
}
