import { useCallback, useEffect, useState } from "react";
import { useDebouncedValue } from "../../shared/hooks/useDebouncedValue";
import { DEFAULT_CLUSTER_QUERY, EMPTY_FILTERS, type ClusterFilters, type ClusterQuery, type SortDirection } from "./clusterQuery";

export const SEARCH_DEBOUNCE_MS = 300;

type SelectField = Exclude<keyof ClusterFilters, "q">;

/**
 * Paging, sorting and filters of the cluster table. Any change of filter or sort goes back to
 * the first page; typed search text reaches the query only after the user pauses.
 */
export function useClusterQueryState(initial: ClusterQuery = DEFAULT_CLUSTER_QUERY) {
  const [query, setQuery] = useState<ClusterQuery>(initial);
  const [searchText, setSearchText] = useState(initial.filters.q);
  const debouncedSearch = useDebouncedValue(searchText, SEARCH_DEBOUNCE_MS);

  useEffect(() => {
    setQuery((prev) =>
      prev.filters.q === debouncedSearch ? prev : { ...prev, page: 0, filters: { ...prev.filters, q: debouncedSearch } },
    );
  }, [debouncedSearch]);

  const setFilter = useCallback((field: SelectField, value: string) => {
    setQuery((prev) => ({ ...prev, page: 0, filters: { ...prev.filters, [field]: value } }));
  }, []);

  const clearFilters = useCallback(() => {
    setSearchText("");
    setQuery((prev) => ({ ...prev, page: 0, filters: EMPTY_FILTERS }));
  }, []);

  const setSort = useCallback((field: string, direction: SortDirection) => {
    setQuery((prev) => ({ ...prev, page: 0, sort: { field, direction } }));
  }, []);

  const setPage = useCallback((page: number) => setQuery((prev) => ({ ...prev, page: Math.max(0, page) })), []);

  const setSize = useCallback((size: number) => setQuery((prev) => ({ ...prev, page: 0, size })), []);

  return { query, searchText, setSearchText, setFilter, clearFilters, setSort, setPage, setSize };
}

export type ClusterQueryState = ReturnType<typeof useClusterQueryState>;
