import { useQuery } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import type { FleetHealth } from "./healthTypes";

export function useFleetHealth() {
  return useQuery({
    queryKey: ["health", "fleet"],
    queryFn: ({ signal }) => apiClient.get<FleetHealth>("/api/health/fleet", undefined, signal),
  });
}
