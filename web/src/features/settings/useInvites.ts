import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import type { Role } from "../../shared/auth/session";
import type { InviteCreated, InviteRow } from "./settingsTypes";

const INVITES_KEY = ["auth", "invites"] as const;

export function useInvites() {
  return useQuery({
    queryKey: INVITES_KEY,
    queryFn: ({ signal }) => apiClient.get<InviteRow[]>("/api/auth/invites", undefined, signal),
  });
}

export function useCreateInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: Role }) => apiClient.post<InviteCreated>("/api/auth/invites", input),
    meta: { toast: false },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: INVITES_KEY }),
  });
}

export function useRevokeInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (inviteId: string) => apiClient.delete(`/api/auth/invites/${encodeURIComponent(inviteId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: INVITES_KEY }),
  });
}
