import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import type { Investigation, InvestigationPage, StartInvestigation } from "./investigationTypes";

export interface InvestigationFilter {
  cluster_id?: string;
  root_cause?: string;
  page: number;
  size: number;
}

export function useInvestigations(filter: InvestigationFilter) {
  const params = { ...filter };
  return useQuery({
    queryKey: ["investigations", "list", params],
    queryFn: ({ signal }) => apiClient.get<InvestigationPage>("/api/investigations", params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInvestigation(id: string) {
  return useQuery({
    queryKey: ["investigations", "detail", id],
    queryFn: ({ signal }) => apiClient.get<Investigation>(`/api/investigations/${encodeURIComponent(id)}`, undefined, signal),
  });
}

/** Starts one for a cluster; the server answers when it is done. */
export function useStartInvestigation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: StartInvestigation) => apiClient.post<Investigation>("/api/investigations", request),
    // A run for an issue changes the issue too (status, events, its investigations).
    // (not awaited: the caller's own onSuccess, which opens the report, need not wait for the refetch)
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["issues"] });
      return queryClient.invalidateQueries({ queryKey: ["investigations", "list"] });
    },
  });
}

export function useRerunInvestigation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.post<Investigation>(`/api/investigations/${encodeURIComponent(id)}/rerun`),
    // (not awaited: the caller's own onSuccess, which opens the report, need not wait for the refetch)
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["issues"] });
      return queryClient.invalidateQueries({ queryKey: ["investigations", "list"] });
    },
  });
}
