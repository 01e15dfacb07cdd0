import { useQuery } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import type { ClusterDetail } from "./fleetTypes";

export function useClusterDetail(clusterId: string | undefined) {
  return useQuery({
    queryKey: ["fleet", "cluster", clusterId],
    queryFn: ({ signal }) =>
      apiClient.get<ClusterDetail>(`/api/fleet/clusters/${encodeURIComponent(clusterId ?? "")}`, undefined, signal),
    enabled: Boolean(clusterId),
  });
}
