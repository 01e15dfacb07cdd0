import { useQuery } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import type { FleetSummary } from "./fleetTypes";

export function useFleetSummary() {
  return useQuery({
    queryKey: ["fleet", "summary"],
    queryFn: ({ signal }) => apiClient.get<FleetSummary>("/api/fleet/summary", undefined, signal),
  });
}
