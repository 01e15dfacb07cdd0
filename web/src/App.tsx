import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { createBrowserRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { appRoutes } from "./appRoutes";
import { setSessionExpiredHandler } from "./shared/api/apiClient";
import { createQueryClient } from "./shared/api/createQueryClient";

const router = createBrowserRouter(appRoutes);

// A session that cannot be refreshed ends on the login page, without a full reload.
setSessionExpiredHandler((loginUrl) => void router.navigate(loginUrl, { replace: true }));

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
