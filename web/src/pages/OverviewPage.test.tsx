import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { clusterPage, fleetSummary } from "../test/fleetFixtures";
import { mockApi } from "../test/mockApi";
import { jsonResponse, problemResponse } from "../test/mockFetch";
import { renderApp } from "../test/renderWithRouter";

function card(label: string): HTMLElement {
  const totals = screen.getByRole("region", { name: "Fleet totals" });
  return within(totals).getByRole("region", { name: label });
}

describe("OverviewPage", () => {
  it("shows the fleet summary numbers, charts and the first page of clusters", async () => {
    mockApi((url) =>
      url.pathname === "/api/fleet/summary" ? jsonResponse(fleetSummary) : jsonResponse(clusterPage(0, 25, 150)),
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
    mockApi((url) =>
      url.pathname === "/api/fleet/summary"
        ? problemResponse(503, "Store unavailable", "The metrics store did not answer in time.")
        : jsonResponse(clusterPage(0, 25, 3)),
    );
    renderApp("/overview");

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("Store unavailable")).toBeTruthy();
    expect(within(alert).getByText("The metrics store did not answer in time.")).toBeTruthy();
    expect(within(alert).getByText("HTTP 503")).toBeTruthy();
    expect(await screen.findByText("cluster-003")).toBeTruthy();
  });

  it("shows an empty state for a fleet without clusters", async () => {
    mockApi((url) =>
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
        : jsonResponse(clusterPage(0, 25, 0)),
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
      (url) => (url.pathname === "/api/fleet/summary" ? jsonResponse(fleetSummary) : jsonResponse(clusterPage(0, 50, 3))),
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
});
