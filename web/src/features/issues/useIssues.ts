import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import type { IssueDetail, IssueFilters, IssuePage, IssueSummary, TriageAction, TriageBody } from "./issueTypes";

/** Issues per page when the Issues page opens. */
export const ISSUE_PAGE_SIZE = 50;

/** The filters the Issues page opens with: the link's query string, active issues by default. */
export function initialIssueFilters(search: URLSearchParams): IssueFilters {
  return {
    status: search.get("status") ?? "active",
    severity: search.get("severity") ?? "",
    tier: search.get("tier") ?? "",
    owner: search.get("owner") ?? "",
    age: search.get("age") ?? "",
    q: search.get("q") ?? "",
    cluster_id: search.get("cluster_id") ?? "",
  };
}

/** One page of the issue list: shared by the page and the prefetch that starts it before the page's code has loaded. */
export function issueListQuery(filters: Partial<IssueFilters> & { sort?: string }, page: number, size: number) {
  const params = { ...filters, page, size };
  return queryOptions({
    queryKey: ["issues", "list", params],
    queryFn: ({ signal }) => apiClient.get<IssuePage>("/api/issues", params, signal),
  });
}

export function useIssues(filters: Partial<IssueFilters> & { sort?: string }, page: number, size: number) {
  return useQuery({ ...issueListQuery(filters, page, size), placeholderData: keepPreviousData });
}

export function useIssue(issueId: string | undefined) {
  return useQuery({
    queryKey: ["issues", "detail", issueId],
    queryFn: ({ signal }) => apiClient.get<IssueDetail>(`/api/issues/${encodeURIComponent(issueId ?? "")}`, undefined, signal),
    enabled: Boolean(issueId),
  });
}

/** One triage action on one issue; refreshes every issue query afterwards. */
export function useTriage(issueId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: TriageAction; body?: TriageBody }) =>
      apiClient.post<IssueDetail>(`/api/issues/${issueId}/${action}`, body ?? {}),
    onSuccess: (detail) => {
      client.setQueryData(["issues", "detail", String(issueId)], detail);
      void client.invalidateQueries({ queryKey: ["issues"] });
    },
  });
}

/** One action on many issues at once (all or nothing on the server). */
export function useBulkTriage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TriageBody & { issue_ids: number[]; action: TriageAction }) =>
      apiClient.post<IssueSummary[]>("/api/issues/bulk", body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["issues"] }),
  });
}
