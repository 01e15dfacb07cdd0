import { lazy, Suspense, type ReactNode } from "react";
import { Navigate, Outlet, type RouteObject } from "react-router";
import { ClusterDetailPanel } from "./features/fleet/ClusterDetailPanel";
import { initialIssueFilters, ISSUE_PAGE_SIZE, issueListQuery } from "./features/issues/useIssues";
import { ActivatePage } from "./pages/ActivatePage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { OverviewPage } from "./pages/OverviewPage";
import { RouteErrorPage } from "./pages/RouteErrorPage";
import { RequireAuth } from "./shared/auth/RequireAuth";
import { AppShell } from "./shared/layout/AppShell";
import { FeatureGate } from "./shared/layout/FeatureGate";
import { NAV_ITEMS } from "./shared/layout/navItems";
import type { RoutePreload } from "./shared/layout/routePreload";
import { Toaster } from "./shared/toast/Toaster";
import { LoadingState } from "./shared/ui/LoadingState";

// Pages most visits never open load on demand, keeping the first download to the shell and Overview.
const SettingsPage = lazy(() => import("./pages/SettingsPage").then((m) => ({ default: m.SettingsPage })));
const LlmUsagePage = lazy(() => import("./pages/LlmUsagePage").then((m) => ({ default: m.LlmUsagePage })));
const ChatPage = lazy(() => import("./pages/ChatPage").then((m) => ({ default: m.ChatPage })));
const BreakingPointPage = lazy(() => import("./pages/BreakingPointPage").then((m) => ({ default: m.BreakingPointPage })));
const UsagePage = lazy(() => import("./pages/UsagePage").then((m) => ({ default: m.UsagePage })));
const RawAlertsPage = lazy(() => import("./pages/RawAlertsPage").then((m) => ({ default: m.RawAlertsPage })));
const AlertDetailPanel = lazy(() =>
  import("./features/alerts/AlertDetailPanel").then((m) => ({ default: m.AlertDetailPanel })),
);
const loadIssuesPage = () => import("./pages/IssuesPage");
const IssuesPage = lazy(() => loadIssuesPage().then((m) => ({ default: m.IssuesPage })));
/** The Issues page's chunk and its first list page, fetched while the shell waits for features and preferences. */
const issuesPreload: RoutePreload = {
  page: "issues",
  code: () => void loadIssuesPage(),
  data: (client, search) => void client.prefetchQuery(issueListQuery(initialIssueFilters(search), 0, ISSUE_PAGE_SIZE)),
};
const IssueDetailPage = lazy(() => import("./pages/IssueDetailPage").then((m) => ({ default: m.IssueDetailPage })));
const AiIssuesPage = lazy(() => import("./pages/AiIssuesPage").then((m) => ({ default: m.AiIssuesPage })));
const HelpPage = lazy(() => import("./pages/HelpPage").then((m) => ({ default: m.HelpPage })));
const InvestigationsPage = lazy(() => import("./pages/InvestigationsPage").then((m) => ({ default: m.InvestigationsPage })));
const InvestigationReportPage = lazy(() =>
  import("./pages/InvestigationReportPage").then((m) => ({ default: m.InvestigationReportPage })),
);
const PatrolPage = lazy(() => import("./pages/PatrolPage").then((m) => ({ default: m.PatrolPage })));
const PatrolReportPage = lazy(() => import("./pages/PatrolReportPage").then((m) => ({ default: m.PatrolReportPage })));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingState />}>{children}</Suspense>;
}

function RootLayout() {
  return (
    <>
      <Outlet />
      <Toaster />
    </>
  );
}

const notBuiltYet: RouteObject[] = NAV_ITEMS.filter((item) => !item.built).map((item) => ({
  // `/*` so deep links such as /issues/42 land on the same honest message.
  path: `${item.path.slice(1)}/*`,
  element: <FeatureGate page={item.key} />,
}));

export const appRoutes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: "login", element: <LoginPage /> },
      { path: "activate", element: <ActivatePage /> },
      {
        path: "/",
        element: (
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <Navigate to="/overview" replace /> },
          {
            path: "overview",
            element: (
              <FeatureGate page="overview">
                <OverviewPage />
              </FeatureGate>
            ),
            children: [{ path: "clusters/:clusterId", element: <ClusterDetailPanel /> }],
          },
          ...["chat", "chat/:sessionId"].map((path) => ({
            path,
            element: (
              <FeatureGate page="chat">
                <Lazy>
                  <ChatPage />
                </Lazy>
              </FeatureGate>
            ),
          })),
          {
            path: "breaking",
            element: (
              <FeatureGate page="breaking">
                <Lazy>
                  <BreakingPointPage />
                </Lazy>
              </FeatureGate>
            ),
          },
          {
            path: "usage",
            element: (
              <FeatureGate page="usage">
                <Lazy>
                  <UsagePage />
                </Lazy>
              </FeatureGate>
            ),
          },
          {
            path: "raw-alerts",
            element: (
              <FeatureGate page="raw_alerts">
                <Lazy>
                  <RawAlertsPage />
                </Lazy>
              </FeatureGate>
            ),
            children: [
              {
                path: ":messageId",
                element: (
                  <Lazy>
                    <AlertDetailPanel />
                  </Lazy>
                ),
              },
            ],
          },
          {
            path: "issues",
            handle: issuesPreload,
            element: (
              <FeatureGate page="issues">
                <Lazy>
                  <IssuesPage />
                </Lazy>
              </FeatureGate>
            ),
          },
          {
            path: "issues/:issueId",
            element: (
              <FeatureGate page="issues">
                <Lazy>
                  <IssueDetailPage />
                </Lazy>
              </FeatureGate>
            ),
          },
          {
            path: "ai-issues",
            element: (
              <FeatureGate page="ai_issues">
                <Lazy>
                  <AiIssuesPage />
                </Lazy>
              </FeatureGate>
            ),
          },
          {
            path: "settings",
            element: (
              <FeatureGate page="settings">
                <Lazy>
                  <SettingsPage />
                </Lazy>
              </FeatureGate>
            ),
          },
          {
            path: "llm-usage",
            element: (
              <FeatureGate page="llm_usage">
                <Lazy>
                  <LlmUsagePage />
                </Lazy>
              </FeatureGate>
            ),
          },
          {
            path: "investigations",
            element: (
              <FeatureGate page="investigations">
                <Outlet />
              </FeatureGate>
            ),
            children: [
              { index: true, element: <Lazy><InvestigationsPage /></Lazy> },
              { path: ":id", element: <Lazy><InvestigationReportPage /></Lazy> },
            ],
          },
          {
            path: "patrol",
            element: (
              <FeatureGate page="patrol">
                <Outlet />
              </FeatureGate>
            ),
            children: [
              { index: true, element: <Lazy><PatrolPage /></Lazy> },
              { path: ":id", element: <Lazy><PatrolReportPage /></Lazy> },
            ],
          },
          {
            path: "help",
            element: (
              <FeatureGate page="help">
                <Lazy>
                  <HelpPage />
                </Lazy>
              </FeatureGate>
            ),
          },
          ...notBuiltYet,
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
