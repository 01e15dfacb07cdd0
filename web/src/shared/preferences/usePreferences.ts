import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "../api/apiClient";
import { useSession } from "../auth/useSession";
import type { Theme } from "../theme/theme";

/** Cluster-table filters the Overview starts with; empty strings mean "all". */
export interface DefaultFilters {
  state?: string;
  type?: string;
  tier?: string;
  size?: number;
  [other: string]: unknown;
}

/** GET/PUT /api/settings/preferences, per user. */
export interface Preferences {
  /** IANA zone; null or empty means the browser's zone. */
  time_zone: string | null;
  theme: Theme;
  default_filters: DefaultFilters;
}

export const PREFERENCES_KEY = ["settings", "preferences"] as const;

export function usePreferences() {
  const signedIn = useSession() !== null;
  return useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: ({ signal }) => apiClient.get<Preferences>("/api/settings/preferences", undefined, signal),
    enabled: signedIn,
    staleTime: 5 * 60_000,
    // The shell waits for this answer; when it failed, a page mounting and asking again would put
    // the query back to pending and the shell back to its spinner, over and over.
    retryOnMount: false,
  });
}

/**
 * Saves the whole preferences object. The cache is updated first so the theme or time zone
 * changes at once; a failed save puts the old value back (and the mutation cache toasts).
 */
export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (next: Preferences) => apiClient.put<Preferences>("/api/settings/preferences", next),
    onMutate: async (next) => {
      await queryClient.cancelQueries({ queryKey: PREFERENCES_KEY });
      const previous = queryClient.getQueryData<Preferences>(PREFERENCES_KEY);
      queryClient.setQueryData(PREFERENCES_KEY, next);
      return { previous };
    },
    onError: (_error, _next, context) => {
      if (context?.previous) queryClient.setQueryData(PREFERENCES_KEY, context.previous);
    },
    onSuccess: (saved) => {
      if (saved) queryClient.setQueryData(PREFERENCES_KEY, saved);
    },
  });
}
