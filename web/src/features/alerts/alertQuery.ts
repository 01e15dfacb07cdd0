import type { QueryParams } from "../../shared/api/apiClient";
import type { SortDirection, TableSort } from "../../shared/table/SortedTable";

/** Received-time windows offered by the filter bar; "custom" uses the from/to fields. */
export const TIME_WINDOWS = [
  { value: "", label: "Any time", hours: 0 },
  { value: "1h", label: "Last hour", hours: 1 },
  { value: "24h", label: "Last 24 hours", hours: 24 },
  { value: "7d", label: "Last 7 days", hours: 24 * 7 },
  { value: "30d", label: "Last 30 days", hours: 24 * 30 },
  { value: "custom", label: "Custom…", hours: 0 },
] as const;

export const SOURCES = ["alertmanager", "grafana", "lark", "lark_mcp"];
export const STATUSES = ["firing", "resolved"];
export const SEVERITIES = ["critical", "warning", "info"];
export const TIERS = ["S", "A", "B"];
export const PAGE_SIZES = [25, 50, 100, 200];
/** The API's sort fields; the table's column ids use the same names. */
export const SORT_FIELDS = ["received_at", "starts_at", "severity", "status", "source", "alert_name", "cluster_id"];

export interface AlertFilters {
  window: string;
  /** Custom window bounds as datetime-local text (browser time), only with window "custom". */
  from: string;
  to: string;
  source: string;
  status: string;
  severity: string;
  cluster_id: string;
  org_id: string;
  tier: string;
  q: string;
  unparsed: boolean;
}

export interface AlertQuery {
  page: number;
  size: number;
  sort: TableSort;
  filters: AlertFilters;
}

export const EMPTY_ALERT_FILTERS: AlertFilters = {
  window: "",
  from: "",
  to: "",
  source: "",
  status: "",
  severity: "",
  cluster_id: "",
  org_id: "",
  tier: "",
  q: "",
  unparsed: false,
};

export const DEFAULT_ALERT_QUERY: AlertQuery = {
  page: 0,
  size: 50,
  sort: { field: "received_at", direction: "desc" },
  filters: EMPTY_ALERT_FILTERS,
};

const TEXT_FILTERS = ["window", "from", "to", "source", "status", "severity", "cluster_id", "org_id", "tier", "q"] as const;

function oneOf(value: string | null, allowed: readonly string[]): string {
  return value !== null && allowed.includes(value) ? value : "";
}

/**
 * The query a URL describes. Values the page cannot offer are dropped rather than sent, so a
 * hand-edited link shows the unfiltered list instead of an error; free text passes to the server,
 * which checks it.
 */
export function alertQueryFromSearch(search: URLSearchParams): AlertQuery {
  const filters: AlertFilters = {
    window: oneOf(search.get("window"), TIME_WINDOWS.map((w) => w.value)),
    from: search.get("from") ?? "",
    to: search.get("to") ?? "",
    source: oneOf(search.get("source"), SOURCES),
    status: oneOf(search.get("status"), STATUSES),
    severity: oneOf(search.get("severity"), SEVERITIES),
    cluster_id: search.get("cluster_id") ?? "",
    org_id: search.get("org_id") ?? "",
    tier: oneOf(search.get("tier"), TIERS),
    q: search.get("q") ?? "",
    unparsed: search.get("unparsed") === "true",
  };
  if (filters.window !== "custom") {
    filters.from = "";
    filters.to = "";
  }
  const page = Number(search.get("page"));
  const size = Number(search.get("size"));
  const [field, direction] = (search.get("sort") ?? "").split(",");
  const sort: TableSort =
    field && SORT_FIELDS.includes(field)
      ? { field, direction: direction === "asc" ? "asc" : "desc" }
      : DEFAULT_ALERT_QUERY.sort;
  return {
    page: Number.isInteger(page) && page > 0 ? page : 0,
    size: PAGE_SIZES.includes(size) ? size : DEFAULT_ALERT_QUERY.size,
    sort,
    filters,
  };
}

/** The URL form of a query: only what differs from the defaults, so plain links stay short. */
export function alertQueryToSearch(query: AlertQuery): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of TEXT_FILTERS) {
    const value = query.filters[key].trim();
    if (value !== "") search.set(key, value);
  }
  if (query.filters.unparsed) search.set("unparsed", "true");
  if (query.sort.field !== DEFAULT_ALERT_QUERY.sort.field || query.sort.direction !== DEFAULT_ALERT_QUERY.sort.direction) {
    search.set("sort", `${query.sort.field},${query.sort.direction}`);
  }
  if (query.size !== DEFAULT_ALERT_QUERY.size) search.set("size", String(query.size));
  if (query.page > 0) search.set("page", String(query.page));
  return search;
}

/** datetime-local text (browser time) as an ISO-8601 instant, or "" when empty or unreadable. */
function localToIso(value: string): string {
  if (value.trim() === "") return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}

/**
 * The query string of GET /api/alerts. A relative window ends at `now`, rounded down to the
 * minute so the request (and its cache key) stays the same within a minute.
 */
export function toAlertParams(query: AlertQuery, now: Date): QueryParams {
  const { filters } = query;
  let from = "";
  let to = "";
  const window = TIME_WINDOWS.find((w) => w.value === filters.window);
  if (filters.window === "custom") {
    from = localToIso(filters.from);
    to = localToIso(filters.to);
  } else if (window && window.hours > 0) {
    const end = Math.floor(now.getTime() / 60_000) * 60_000;
    from = new Date(end - window.hours * 3_600_000).toISOString();
  }
  return {
    page: query.page,
    size: query.size,
    sort: `${query.sort.field},${query.sort.direction}`,
    from,
    to,
    source: filters.source,
    status: filters.status,
    severity: filters.severity,
    cluster_id: filters.cluster_id.trim(),
    org_id: filters.org_id.trim(),
    tier: filters.tier,
    q: filters.q.trim(),
    unparsed: filters.unparsed ? true : undefined,
  };
}

export function hasActiveAlertFilters(filters: AlertFilters): boolean {
  return filters.unparsed || TEXT_FILTERS.some((key) => filters[key].trim() !== "");
}

export type { SortDirection };
