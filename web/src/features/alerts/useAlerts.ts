import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import { toAlertParams, type AlertQuery } from "./alertQuery";
import type { AlertDetail, AlertPage, IngestRun } from "./alertTypes";

export function useAlerts(query: AlertQuery, now: Date) {
  const params = toAlertParams(query, now);
  return useQuery({
    queryKey: ["alerts", "list", params],
    queryFn: ({ signal }) => apiClient.get<AlertPage>("/api/alerts", params, signal),
    // Keep the current page on screen while the next one loads, so the table does not flash.
    placeholderData: keepPreviousData,
  });
}

export function useAlert(messageId: string | undefined) {
  return useQuery({
    queryKey: ["alerts", "detail", messageId],
    queryFn: ({ signal }) => apiClient.get<AlertDetail>(`/api/alerts/${encodeURIComponent(messageId ?? "")}`, undefined, signal),
    enabled: !!messageId,
  });
}

export const RUN_HISTORY_LIMIT = 20;

export function useIngestRuns() {
  return useQuery({
    queryKey: ["ingest", "lark", "runs"],
    queryFn: ({ signal }) =>
      apiClient.get<IngestRun[]>("/api/ingest/lark/runs", { limit: RUN_HISTORY_LIMIT }, signal),
  });
}

/** POST /api/ingest/lark/runs: runs the Lark pipeline over [from, to) and answers the run record. */
export function useRunLarkPipeline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (window: { from: string; to: string }) => apiClient.post<IngestRun>("/api/ingest/lark/runs", window),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ["ingest"] });
      void client.invalidateQueries({ queryKey: ["alerts"] });
    },
  });
}
