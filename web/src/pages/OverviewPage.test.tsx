import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { clusterPage, fleetSummary } from "../test/fleetFixtures";
import { mockApi } from "../test/mockApi";
import { jsonResponse, problemResponse } from "../test/mockFetch";
import { criticalClusters, fleetHealth, riskDistribution, withHealthApis } from "../test/healthFixtures";
import { renderApp } from "../test/renderWithRouter";

function card(label: string): HTMLElement {
  const totals = screen.getByRole("region", { name: "Fleet totals" });
  return within(totals).getByRole("region", { name: label });
}

describe("OverviewPage", () => {
  it("shows the fleet summary numbers, charts and the first page of clusters", async () => {
    mockApi(withHealthApis((url) =>
      url.pathname === "/api/fleet/summary" ? jsonResponse(fleetSummary) : jsonResponse(clusterPage(0, 25, 150))),
    );
    renderApp("/overview");

    const dataThrough = await screen.findByText(/^Data through/);
    expect(within(dataThrough).getByText("2026-11-29 05:00").getAttribute("datetime")).toBe("2026-11-29T05:00:00.000Z");
    expect(within(card("Organizations")).getByText("50")).toBeTruthy();
    expect(within(card("Clusters")).getByText("150")).toBeTruthy();
    expect(within(card("Clusters")).getByText("3 abnormal")).toBeTruthy();
    expect(within(card("Nodes")).getByText("685")).toBeTruthy();
    expect(within(card("Nodes")).getByText("FE 210 · BE 380 · CN 95")).toBeTruthy();
    expect(within(card("CCU this week")).getByText("12,345.6")).toBeTruthy();
    expect(within(card("CCU this week")).getByText("+23.3%")).toBeTruthy();
    expect(within(card("CCU this week")).getByText(/\$8,024\.60/)).toBeTruthy();

    expect(await screen.findByRole("img", { name: "Clusters by state: RUNNING 120, SUSPENDED 18, RELEASED 9, ABNORMAL 3" })).toBeTruthy();
    expect(screen.getByRole("img", { name: "Clusters by version: 3.3 60, 3.2 40, 3.1 30, 2.5 20" })).toBeTruthy();
    expect(screen.getByRole("img", { name: /^Clusters by region: us-east-1 60/ })).toBeTruthy();
    expect(await screen.findByText("cluster-001")).toBeTruthy();
  });

  it("shows the problem detail when the summary fails, and still lists clusters", async () => {
    mockApi(withHealthApis((url) =>
      url.pathname === "/api/fleet/summary"
        ? problemResponse(503, "Store unavailable", "The metrics store did not answer in time.")
        : jsonResponse(clusterPage(0, 25, 3))),
    );
    renderApp("/overview");

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("Store unavailable")).toBeTruthy();
    expect(within(alert).getByText("The metrics store did not answer in time.")).toBeTruthy();
    expect(within(alert).getByText("HTTP 503")).toBeTruthy();
    expect(await screen.findByText("cluster-003")).toBeTruthy();
  });

  it("shows an empty state for a fleet without clusters", async () => {
    mockApi(withHealthApis((url) =>
      url.pathname === "/api/fleet/summary"
        ? jsonResponse({
            ...fleetSummary,
            organizations: 0,
            clusters: 0,
            nodes: { FE: 0, BE: 0, CN: 0, total: 0 },
            clusters_by_state: {},
            clusters_by_type: {},
            clusters_by_tier: {},
            clusters_by_version: {},
            clusters_by_region: {},
          })
        : jsonResponse(clusterPage(0, 25, 0))),
    );
    renderApp("/overview");

    expect(await screen.findByText("No clusters in the fleet yet")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("shows a loading state while the summary is on its way", async () => {
    mockApi(() => new Promise<Response>(() => {}));
    renderApp("/overview");

    expect(await screen.findByText("Loading fleet summary…")).toBeTruthy();
  });

  it("shows times in the preferred zone and starts the table with the saved default filters", async () => {
    const { urls } = mockApi(
      withHealthApis((url) => (url.pathname === "/api/fleet/summary" ? jsonResponse(fleetSummary) : jsonResponse(clusterPage(0, 50, 3)))),
      { preferences: { time_zone: "Asia/Tokyo", theme: "light", default_filters: { state: "ABNORMAL", size: 50 } } },
    );
    renderApp("/overview");

    const dataThrough = await screen.findByText(/^Data through/);
    // 05:00 UTC is 14:00 in Tokyo.
    expect(within(dataThrough).getByText("2026-11-29 14:00")).toBeTruthy();
    expect(await screen.findByText("cluster-001")).toBeTruthy();
    const clusterCalls = urls().filter((u) => u.pathname === "/api/fleet/clusters");
    expect(Object.fromEntries(clusterCalls[0].searchParams)).toMatchObject({ state: "ABNORMAL", size: "50", page: "0" });
    expect((screen.getByLabelText("State") as HTMLSelectElement).value).toBe("ABNORMAL");
  });

  it("shows the risk distribution, critical clusters with their top reasons, the score histogram and movers", async () => {
    mockApi(withHealthApis((url) => jsonResponse(url.pathname === "/api/fleet/summary" ? fleetSummary : clusterPage(0, 25, 150))));
    const { router } = renderApp("/overview");

    const section = await screen.findByRole("region", { name: "Health and risk" });
    expect(await within(section).findByRole("img", { name: "Risk by level: critical 4, high 9, medium 20, low 117" })).toBeTruthy();
    // Riskiest group first: tier S has the most critical clusters.
    expect(within(section).getByRole("img", { name: /^Risk by tier: S 2 critical 1 high 3 medium 4 low; A 1 critical 5 high/ })).toBeTruthy();
    fireEvent.change(within(section).getByLabelText("Risk breakdown"), { target: { value: "by_region" } });
    expect(within(section).getByRole("img", { name: /^Risk by region: us-east-1 3 critical/ })).toBeTruthy();

    const critical = await within(section).findByRole("table", { name: "Critical clusters" });
    const row = within(critical).getAllByRole("row")[1];
    expect(within(row).getByText("Acme Analytics")).toBeTruthy();
    expect(within(row).getByText("critical")).toBeTruthy();
    expect(within(row).getByText("−46.0")).toBeTruthy();
    expect(within(row).getByText("disk_used_pct is forecast to cross 90 % in 3.2 days.")).toBeTruthy();
    expect(within(row).queryByText(criticalClusters.items[0].reasons[3])).toBeNull();

    expect(await within(section).findByRole("img", { name: /^Health score histogram: 0–9 1, 10–19 0, .*90–100 60$/ })).toBeTruthy();
    expect(within(section).getByText(/140 of 150 scored · median 86.5/)).toBeTruthy();
    const drops = within(section).getByRole("list", { name: "Largest drops" });
    expect(within(drops).getByText("88.0 → 42.0")).toBeTruthy();
    expect(within(within(section).getByRole("list", { name: "Largest rises" })).getByText("+23.5")).toBeTruthy();

    // A cluster name opens its drawer.
    fireEvent.click(within(critical).getByRole("link", { name: "cluster-007" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/overview/clusters/c-7"));
  });

  it("says so when nothing has been scored yet", async () => {
    mockApi((url) => {
      if (url.pathname === "/api/health/fleet") return jsonResponse({ ...fleetHealth, as_of: null, compared_with: null });
      if (url.pathname === "/api/risk") return jsonResponse({ ...riskDistribution, as_of: null });
      if (url.pathname === "/api/critical-clusters") return jsonResponse({ as_of: null, count: 0, items: [] });
      return jsonResponse(url.pathname === "/api/fleet/summary" ? fleetSummary : clusterPage(0, 25, 150));
    });
    renderApp("/overview");

    expect(await screen.findByText("No risk assessed yet: the first scoring pass has not run.")).toBeTruthy();
    expect(await screen.findByText("No risk assessed yet.")).toBeTruthy();
    expect(await screen.findByText("No scores yet: the first scoring pass has not run.")).toBeTruthy();
  });

  it("shows the problem detail of a failing risk route without hiding the rest", async () => {
    mockApi(
      withHealthApis((url) => jsonResponse(url.pathname === "/api/fleet/summary" ? fleetSummary : clusterPage(0, 25, 150))),
    );
    // Replace the critical-clusters answer only.
    const original = globalThis.fetch;
    vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).startsWith("/api/critical-clusters")
        ? Promise.resolve(problemResponse(400, "Invalid parameter", "limit must be between 1 and 500"))
        : original(input, init),
    );
    renderApp("/overview");

    const panel = await screen.findByRole("region", { name: "Critical clusters" });
    expect(await within(panel).findByText("limit must be between 1 and 500")).toBeTruthy();
    expect(await screen.findByRole("img", { name: /^Health score histogram/ })).toBeTruthy();
  });
});
