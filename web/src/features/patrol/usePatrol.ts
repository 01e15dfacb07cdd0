import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import type { PatrolDiff, PatrolPage, PatrolReport } from "./patrolTypes";

/** How often a running patrol is asked for its progress. */
export const PROGRESS_POLL_MS = 1000;

export function usePatrolReports(page: number, size = 20) {
  return useQuery({
    queryKey: ["patrol", "list", page, size],
    queryFn: ({ signal }) => apiClient.get<PatrolPage>("/api/patrol", { page, size }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((r) => r.status === "running") ? PROGRESS_POLL_MS : false),
  });
}

/** A report, polled while it is running. */
export function usePatrolReport(id: string | undefined) {
  return useQuery({
    queryKey: ["patrol", "report", id],
    queryFn: ({ signal }) => apiClient.get<PatrolReport>(`/api/patrol/${encodeURIComponent(id ?? "")}`, undefined, signal),
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data?.status === "running" ? PROGRESS_POLL_MS : false),
  });
}

export function usePatrolDiff(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ["patrol", "diff", id],
    queryFn: ({ signal }) => apiClient.get<PatrolDiff>(`/api/patrol/${encodeURIComponent(id)}/diff`, undefined, signal),
    enabled,
  });
}

export function useRunPatrol() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.post<PatrolReport>("/api/patrol"),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["patrol", "list"] }),
  });
}
