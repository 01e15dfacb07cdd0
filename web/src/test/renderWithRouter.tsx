import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { createMemoryRouter, RouterProvider, type RouteObject } from "react-router";
import { appRoutes } from "../appRoutes";
import { setSessionExpiredHandler } from "../shared/api/apiClient";
import { createQueryClient } from "../shared/api/createQueryClient";
import type { Role } from "../shared/auth/session";
import { Toaster } from "../shared/toast/Toaster";
import { signIn } from "./session";

/** The app's own query client (its error toasts included), without retries or garbage collection. */
function testQueryClient() {
  const client = createQueryClient();
  client.setDefaultOptions({
    // staleTime 0 as in the old tests: going back to a page asks the server again, and tests see it.
    queries: { ...client.getDefaultOptions().queries, retry: false, gcTime: Infinity, staleTime: 0 },
    mutations: { retry: false },
  });
  return client;
}

interface RenderAppOptions {
  /** Who is signed in; null for nobody. Defaults to an admin. */
  as?: Role | null;
}

/** Renders the whole app (shell and routes) at `path`. */
export function renderApp(path: string, { as = "admin" }: RenderAppOptions = {}) {
  if (as) signIn(as);
  return renderRoutes(appRoutes, path);
}

/** Renders one component at `/` with the router, query client and toasts it needs. */
export function renderWithRouter(ui: ReactNode, { as = null }: RenderAppOptions = {}) {
  if (as) signIn(as);
  return renderRoutes(
    [
      {
        path: "/*",
        element: (
          <>
            {ui}
            <Toaster />
          </>
        ),
      },
    ],
    "/",
  );
}

function renderRoutes(routes: RouteObject[], path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  setSessionExpiredHandler((loginUrl) => void router.navigate(loginUrl, { replace: true }));
  const queryClient = testQueryClient();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient };
}
