import { useQuery } from "@tanstack/react-query";
import { apiClient } from "../api/apiClient";
import { useSession } from "../auth/useSession";

export type PageKey =
  | "overview"
  | "issues"
  | "raw_alerts"
  | "breaking"
  | "usage"
  | "investigations"
  | "ai_issues"
  | "patrol"
  | "chat"
  | "llm_usage"
  | "settings"
  | "help";

/** GET /api/features: which pages the server can back right now. */
export interface Features {
  pages: Partial<Record<PageKey, boolean>>;
}

export function useFeatures() {
  const signedIn = useSession() !== null;
  return useQuery({
    queryKey: ["features"],
    queryFn: ({ signal }) => apiClient.get<Features>("/api/features", undefined, signal),
    enabled: signedIn,
    staleTime: 5 * 60_000,
    // The shell waits for this answer; when it failed, a page mounting and asking again would put
    // the query back to pending and the shell back to its spinner, over and over.
    retryOnMount: false,
  });
}
