import { useQuery } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import type { ClusterHealth, HealthDiff } from "./healthTypes";

function path(clusterId: string, tail = "") {
  return `/api/health/clusters/${encodeURIComponent(clusterId)}${tail}`;
}

/** The newest score with its explanation and `hours` of history. */
export function useClusterHealth(clusterId: string, hours = 168) {
  return useQuery({
    queryKey: ["health", "cluster", clusterId, hours],
    queryFn: ({ signal }) => apiClient.get<ClusterHealth>(path(clusterId), { hours }, signal),
  });
}

/** "Why did it change since yesterday": the newest explanation against the one 24 h before. */
export function useHealthDiff(clusterId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["health", "diff", clusterId],
    queryFn: ({ signal }) => apiClient.get<HealthDiff>(path(clusterId, "/diff"), undefined, signal),
    enabled,
    // A cluster scored for less than a day has nothing to compare with: a 404 is an answer, not a fault.
    retry: false,
  });
}
