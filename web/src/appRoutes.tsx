import { Navigate, type RouteObject } from "react-router";
import { ClusterDetailPanel } from "./features/fleet/ClusterDetailPanel";
import { NotAvailablePage } from "./pages/NotAvailablePage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { OverviewPage } from "./pages/OverviewPage";
import { RouteErrorPage } from "./pages/RouteErrorPage";
import { AppShell } from "./shared/layout/AppShell";
import { NAV_ITEMS } from "./shared/layout/navItems";

const notBuiltYet: RouteObject[] = NAV_ITEMS.filter((item) => !item.available).map((item) => ({
  // `/*` so deep links such as /issues/42 land on the same honest message.
  path: `${item.path.slice(1)}/*`,
  element: <NotAvailablePage title={item.label} />,
}));

export const appRoutes: RouteObject[] = [
  {
    path: "/",
    element: <AppShell />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <Navigate to="/overview" replace /> },
      {
        path: "overview",
        element: <OverviewPage />,
        children: [{ path: "clusters/:clusterId", element: <ClusterDetailPanel /> }],
      },
      ...notBuiltYet,
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
