import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import type { AiIssue, RecomputeResult } from "./aiIssueTypes";

export function useAiIssues() {
  return useQuery({
    queryKey: ["ai-issues"],
    queryFn: ({ signal }) => apiClient.get<AiIssue[]>("/api/ai-issues", undefined, signal),
  });
}

export function useRecomputeAiIssues() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.post<RecomputeResult>("/api/ai-issues/recompute"),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["ai-issues"] }),
  });
}
