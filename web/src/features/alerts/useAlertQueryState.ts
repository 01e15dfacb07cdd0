import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { useDebouncedValue } from "../../shared/hooks/useDebouncedValue";
import type { SortDirection } from "../../shared/table/SortedTable";
import { alertQueryFromSearch, alertQueryToSearch, EMPTY_ALERT_FILTERS, type AlertFilters, type AlertQuery } from "./alertQuery";

export const TEXT_DEBOUNCE_MS = 300;

/** The filters typed rather than picked; they reach the URL after the user pauses. */
type TypedField = "q" | "cluster_id" | "org_id";
type TypedFilters = Pick<AlertFilters, TypedField>;

/**
 * The Raw Alerts list's filters, sort and page, kept in the URL so a view can be shared, reloaded
 * or stepped back through. Any change of filter or sort goes back to the first page.
 */
export function useAlertQueryState() {
  const [search, setSearch] = useSearchParams();
  const query = useMemo(() => alertQueryFromSearch(search), [search]);
  const [typed, setTyped] = useState<TypedFilters>({
    q: query.filters.q,
    cluster_id: query.filters.cluster_id,
    org_id: query.filters.org_id,
  });
  const debounced = useDebouncedValue(typed, TEXT_DEBOUNCE_MS);

  // The newest query this hook asked for. Navigations render in a transition, so a second change can
  // come before the first one's render; building on the URL of the last render would drop the first.
  // Any other navigation (back, forward, a link) shows up as a search string this hook did not write.
  const latest = useRef(query);
  const written = useRef(search.toString());
  if (search.toString() !== written.current) {
    written.current = search.toString();
    latest.current = query;
  }

  const update = useCallback(
    (change: (prev: AlertQuery) => AlertQuery) => {
      const next = change(latest.current);
      if (next === latest.current) return;
      latest.current = next;
      const params = alertQueryToSearch(next);
      written.current = params.toString();
      setSearch(params);
    },
    [setSearch],
  );

  // Only a change of the typed text writes the URL; a re-render (a new `update`) must not write an older URL back.
  const applied = useRef(debounced);
  useEffect(() => {
    if (applied.current === debounced) return;
    applied.current = debounced;
    update((prev) =>
      prev.filters.q === debounced.q && prev.filters.cluster_id === debounced.cluster_id && prev.filters.org_id === debounced.org_id
        ? prev
        : { ...prev, page: 0, filters: { ...prev.filters, ...debounced } },
    );
  }, [debounced, update]);

  const setTypedFilter = useCallback((field: TypedField, value: string) => {
    setTyped((prev) => ({ ...prev, [field]: value }));
  }, []);

  const setFilter = useCallback(
    <K extends keyof AlertFilters>(field: K, value: AlertFilters[K]) =>
      update((prev) => ({ ...prev, page: 0, filters: { ...prev.filters, [field]: value } })),
    [update],
  );

  /** Shows one cluster's alerts (a click on its name in the table). */
  const showCluster = useCallback(
    (clusterId: string) => {
      setTyped((prev) => ({ ...prev, cluster_id: clusterId }));
      update((prev) => ({ ...prev, page: 0, filters: { ...prev.filters, cluster_id: clusterId } }));
    },
    [update],
  );

  const clearFilters = useCallback(() => {
    setTyped({ q: "", cluster_id: "", org_id: "" });
    update((prev) => ({ ...prev, page: 0, filters: EMPTY_ALERT_FILTERS }));
  }, [update]);

  const setSort = useCallback(
    (field: string, direction: SortDirection) => update((prev) => ({ ...prev, page: 0, sort: { field, direction } })),
    [update],
  );
  const setPage = useCallback((page: number) => update((prev) => ({ ...prev, page: Math.max(0, page) })), [update]);
  const setSize = useCallback((size: number) => update((prev) => ({ ...prev, page: 0, size })), [update]);

  return { query, typed, setTypedFilter, setFilter, showCluster, clearFilters, setSort, setPage, setSize };
}

export type AlertQueryState = ReturnType<typeof useAlertQueryState>;
