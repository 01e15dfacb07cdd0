import { useQuery } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import type { LookerConfig } from "./settingsTypes";

export function useLookerConfig() {
  return useQuery({
    queryKey: ["looker", "config"],
    queryFn: ({ signal }) => apiClient.get<LookerConfig>("/api/looker/config", undefined, signal),
    staleTime: 5 * 60_000,
  });
}
