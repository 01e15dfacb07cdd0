import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import { toClusterParams, type ClusterQuery } from "./clusterQuery";
import type { ClusterPage } from "./fleetTypes";

export function useClusters(query: ClusterQuery) {
  const params = toClusterParams(query);
  return useQuery({
    queryKey: ["fleet", "clusters", params],
    queryFn: ({ signal }) => apiClient.get<ClusterPage>("/api/fleet/clusters", params, signal),
    // Keep the current page on screen while the next one loads, so the table does not flash.
    placeholderData: keepPreviousData,
  });
}
