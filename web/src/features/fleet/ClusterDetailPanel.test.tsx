import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { clusterDetail, clusterPage, fleetSummary } from "../../test/fleetFixtures";
import { mockApi } from "../../test/mockApi";
import { jsonResponse, problemResponse } from "../../test/mockFetch";
import { renderApp } from "../../test/renderWithRouter";

function serveFleet(detail: (id: string) => Response) {
  return mockApi((url) => {
    if (url.pathname === "/api/fleet/summary") return jsonResponse(fleetSummary);
    if (url.pathname === "/api/fleet/clusters") return jsonResponse(clusterPage(0, 25, 150));
    return detail(decodeURIComponent(url.pathname.replace("/api/fleet/clusters/", "")));
  });
}

describe("ClusterDetailPanel", () => {
  it("opens from the table and shows organization, resources, nodes, actions and banded metrics", async () => {
    const { urls } = serveFleet(() => jsonResponse(clusterDetail));
    const { router } = renderApp("/overview");

    fireEvent.click(await screen.findByText("cluster-001"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/overview/clusters/c-1"));
    expect(urls().some((u) => u.pathname === "/api/fleet/clusters/c-1")).toBe(true);

    const panel = await screen.findByRole("dialog", { name: "Cluster detail" });
    await within(panel).findByText("prod-analytics");
    expect(within(panel).getByText("BE heartbeat lost")).toBeTruthy();
    expect(within(panel).getByText("Acme Analytics")).toBeTruthy();
    expect(within(panel).getByText("r6id.2xlarge", { selector: "table[aria-label=Resources] td" })).toBeTruthy();
    expect(within(panel).getByText("LEADER")).toBeTruthy();
    expect(within(panel).getByText("SCALE_OUT")).toBeTruthy();
    expect(within(panel).getByText("3 → 6")).toBeTruthy();

    const metrics = within(panel).getByRole("table", { name: "Latest metrics" });
    const rows = within(metrics).getAllByRole("row").slice(1);
    // Worst first: the critical disk metric leads, coloured red.
    expect(within(rows[0]).getByText("disk_usage_pct")).toBeTruthy();
    const critical = within(rows[0]).getByText("critical");
    expect(critical.getAttribute("data-band")).toBe("critical");
    expect(critical.className).toContain("text-red-800");
    expect(within(rows[1]).getByText("ok").className).toContain("text-emerald-800");
  });

  it("shows the problem detail for an unknown cluster and closes back to the overview", async () => {
    serveFleet((id) => problemResponse(404, "Cluster not found", `No cluster with id ${id}.`));
    const { router } = renderApp("/overview/clusters/c-404");

    const panel = await screen.findByRole("dialog", { name: "Cluster detail" });
    expect(await within(panel).findByText("Cluster not found")).toBeTruthy();
    expect(within(panel).getByText("No cluster with id c-404.")).toBeTruthy();

    fireEvent.click(within(panel).getByRole("button", { name: "Close" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/overview"));
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
