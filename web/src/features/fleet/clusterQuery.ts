import type { QueryParams } from "../../shared/api/apiClient";

export type SortDirection = "asc" | "desc";

export interface ClusterFilters {
  q: string;
  state: string;
  type: string;
  tier: string;
  version: string;
  region: string;
}

export interface ClusterQuery {
  page: number;
  size: number;
  sort: { field: string; direction: SortDirection };
  filters: ClusterFilters;
}

export const EMPTY_FILTERS: ClusterFilters = { q: "", state: "", type: "", tier: "", version: "", region: "" };

export const DEFAULT_CLUSTER_QUERY: ClusterQuery = {
  page: 0,
  size: 25,
  sort: { field: "cluster_name", direction: "asc" },
  filters: EMPTY_FILTERS,
};

/** The query string of GET /api/fleet/clusters; empty filters are left out. */
export function toClusterParams(query: ClusterQuery): QueryParams {
  const { filters } = query;
  return {
    page: query.page,
    size: query.size,
    sort: `${query.sort.field},${query.sort.direction}`,
    q: filters.q.trim(),
    state: filters.state,
    type: filters.type,
    tier: filters.tier,
    version: filters.version,
    region: filters.region,
  };
}

export const PAGE_SIZES = [25, 50, 100];

const FILTER_FIELDS = ["state", "type", "tier", "version", "region"] as const;

/**
 * The table's starting query from the user's saved default filters (Settings → Preferences).
 * Unknown keys and values of the wrong type are ignored rather than sent to the server.
 */
export function clusterQueryFromDefaults(defaults: Record<string, unknown> | undefined): ClusterQuery {
  if (!defaults) return DEFAULT_CLUSTER_QUERY;
  const filters = { ...EMPTY_FILTERS };
  for (const field of FILTER_FIELDS) {
    const value = defaults[field];
    if (typeof value === "string") filters[field] = value;
  }
  const size = Number(defaults.size);
  return {
    ...DEFAULT_CLUSTER_QUERY,
    size: PAGE_SIZES.includes(size) ? size : DEFAULT_CLUSTER_QUERY.size,
    filters,
  };
}

export function hasActiveFilters(filters: ClusterFilters): boolean {
  return Object.values(filters).some((value) => value.trim() !== "");
}
