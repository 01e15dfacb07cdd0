import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import type { UsageReport } from "./usageTypes";

export interface UsageScope {
  cluster_id: string;
  tier: string;
  region: string;
  type: string;
  days: string;
}

export const FLEET_SCOPE: UsageScope = { cluster_id: "", tier: "", region: "", type: "", days: "" };

export function useUsage(scope: UsageScope) {
  // The API takes a cluster or fleet filters, not both: a cluster wins.
  const params = scope.cluster_id ? { cluster_id: scope.cluster_id, days: scope.days } : { ...scope, cluster_id: "" };
  return useQuery({
    queryKey: ["analysis", "usage", params],
    queryFn: ({ signal }) => apiClient.get<UsageReport>("/api/analysis/usage", params, signal),
    placeholderData: keepPreviousData,
  });
}
