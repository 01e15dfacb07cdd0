import type { QueryClient } from "@tanstack/react-query";
import type { PageKey } from "../features/useFeatures";

/**
 * A route's `handle`: what to start loading as soon as the route is opened instead of one thing
 * after the other once the page mounts: its code chunk at once, in parallel with the shell's
 * /api/features and preferences, and its first query as soon as /api/features has the page on
 * (a page that is off reads no data).
 */
export interface RoutePreload {
  page: PageKey;
  code: () => void;
  data: (client: QueryClient, search: URLSearchParams) => void;
}

export function isRoutePreload(handle: unknown): handle is RoutePreload {
  return typeof handle === "object" && handle !== null && typeof (handle as RoutePreload).code === "function";
}
