import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import type { ChatSession, ChatStatus, DirectToolResult, SessionDetail } from "./chatTypes";

export function useChatStatus() {
  return useQuery({
    queryKey: ["chat", "status"],
    queryFn: ({ signal }) => apiClient.get<ChatStatus>("/api/chat/status", undefined, signal),
  });
}

export function useChatSessions() {
  return useQuery({
    queryKey: ["chat", "sessions"],
    queryFn: ({ signal }) => apiClient.get<ChatSession[]>("/api/chat/sessions", undefined, signal),
  });
}

export function useChatSession(sessionId: string | undefined) {
  return useQuery({
    queryKey: ["chat", "session", sessionId],
    queryFn: ({ signal }) => apiClient.get<SessionDetail>(`/api/chat/sessions/${encodeURIComponent(sessionId ?? "")}`, undefined, signal),
    enabled: Boolean(sessionId),
  });
}

export function useSessionActions() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["chat"] });
  const rename = useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) =>
      apiClient.patch<ChatSession>(`/api/chat/sessions/${encodeURIComponent(id)}`, { title }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiClient.delete(`/api/chat/sessions/${encodeURIComponent(id)}`),
    onSettled: refresh,
  });
  return { rename, remove };
}

export function useDirectTool() {
  return useMutation({
    mutationFn: ({ name, args }: { name: string; args: Record<string, unknown> }) =>
      apiClient.post<DirectToolResult>(`/api/chat/tools/${encodeURIComponent(name)}`, args),
  });
}
