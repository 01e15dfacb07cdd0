import { useQuery } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import type { CriticalClusters, RiskDistribution } from "./riskTypes";

export function useRiskDistribution() {
  return useQuery({
    queryKey: ["risk", "distribution"],
    queryFn: ({ signal }) => apiClient.get<RiskDistribution>("/api/risk", undefined, signal),
  });
}

export function useCriticalClusters(limit = 20) {
  return useQuery({
    queryKey: ["risk", "critical", limit],
    queryFn: ({ signal }) => apiClient.get<CriticalClusters>("/api/critical-clusters", { limit }, signal),
  });
}
