import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { toast } from "../toast/toastStore";
import { isApiError } from "./ApiError";

declare module "@tanstack/react-query" {
  interface Register {
    /** `toast: false` when the component shows the error itself (forms with inline errors). */
    mutationMeta: { toast?: boolean };
    queryMeta: { toast?: boolean };
  }
}

/** A 401 that survives the refresh is a sign-out: the login page says so, no toast needed. */
function isSignedOut(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

/** Client errors (4xx) will not change on retry; network and 5xx errors get two more tries. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    // Pages show a failed first load in place (ErrorState); a failed background refresh of data
    // already on screen would go unnoticed, so it becomes a toast.
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.state.data === undefined || query.meta?.toast === false || isSignedOut(error)) return;
        toast.fromError(error, "Refreshing data failed");
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.meta?.toast === false || isSignedOut(error)) return;
        toast.fromError(error, "The change was not saved");
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
