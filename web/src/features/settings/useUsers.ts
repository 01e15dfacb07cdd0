import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import type { Role } from "../../shared/auth/session";
import type { UserRow, UserStatus } from "./settingsTypes";

const USERS_KEY = ["auth", "users"] as const;

export function useUsers() {
  return useQuery({
    queryKey: USERS_KEY,
    queryFn: ({ signal }) => apiClient.get<UserRow[]>("/api/auth/users", undefined, signal),
  });
}

export interface UserChange {
  userId: string;
  role?: Role;
  status?: Exclude<UserStatus, "invited">;
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...change }: UserChange) =>
      apiClient.patch<UserRow>(`/api/auth/users/${encodeURIComponent(userId)}`, change),
    onSettled: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
