import { useQuery } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import type { LlmUsageReport } from "./llmUsageTypes";

/** The usage report of the last `days` days up to today (UTC dates, today included). */
export function usageWindow(days: number, today: Date = new Date()): { from: string; to: string } {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (days - 1)));
  return { from: day(from), to: day(today) };
}

export function useLlmUsage(days: number) {
  const window = usageWindow(days);
  return useQuery({
    queryKey: ["llm-usage", window.from, window.to],
    queryFn: ({ signal }) => apiClient.get<LlmUsageReport>("/api/llm-usage", window, signal),
  });
}
