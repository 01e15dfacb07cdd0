import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import type { Backtest, BreakingPointTable, ClusterBreakingPoint } from "./breakingTypes";

export interface BreakingFilters {
  metric: string;
  tier: string;
  type: string;
  region: string;
  /** "" = breached and breach (the API's default), "all", or one status */
  status: string;
  within_days: string;
}

export const NO_BREAKING_FILTERS: BreakingFilters = { metric: "", tier: "", type: "", region: "", status: "", within_days: "" };

export function useBreakingPoints(filters: BreakingFilters, limit: number, offset: number) {
  return useQuery({
    queryKey: ["analysis", "breaking-point", filters, limit, offset],
    queryFn: ({ signal }) =>
      apiClient.get<BreakingPointTable>("/api/analysis/breaking-point", { ...filters, limit, offset }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useClusterBreakingPoint(clusterId: string | null) {
  return useQuery({
    queryKey: ["analysis", "breaking-point", "cluster", clusterId],
    queryFn: ({ signal }) =>
      apiClient.get<ClusterBreakingPoint>(`/api/analysis/breaking-point/${encodeURIComponent(clusterId ?? "")}`, { hourly: true }, signal),
    enabled: Boolean(clusterId),
  });
}

export function useBacktest() {
  return useQuery({
    queryKey: ["analysis", "backtest"],
    queryFn: ({ signal }) => apiClient.get<Backtest>("/api/analysis/breaking-point/backtest", undefined, signal),
    retry: false,
  });
}
