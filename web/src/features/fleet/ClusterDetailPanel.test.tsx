import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { clusterDetail, clusterPage, fleetSummary } from "../../test/fleetFixtures";
import { mockApi } from "../../test/mockApi";
import { jsonResponse, problemResponse } from "../../test/mockFetch";
import { clusterHealth, serveHealthApis } from "../../test/healthFixtures";
import { renderApp } from "../../test/renderWithRouter";

function serveFleet(detail: (id: string) => Response, health: (url: URL) => Response | null = serveHealthApis) {
  return mockApi((url) => {
    const answer = health(url);
    if (answer) return answer;
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

  it("shows the health score with its explanation, what changed since yesterday and the score history", async () => {
    const { urls } = serveFleet(() => jsonResponse(clusterDetail));
    renderApp("/overview/clusters/c-1");

    const panel = await screen.findByRole("dialog", { name: "Cluster detail" });
    const health = await within(panel).findByRole("region", { name: "Health score" });
    expect((await within(health).findByLabelText("Health score")).textContent).toBe("62.0");
    expect(within(health).getByText("warning")).toBeTruthy();
    const explanation = within(health).getByRole("table", { name: "Score explanation" });
    const factor = within(explanation).getAllByRole("row")[1];
    expect(within(factor).getByText("disk_used_pct")).toBeTruthy();
    expect(within(factor).getByText("93.5 %")).toBeTruthy();
    expect(within(factor).getByText("80.0 / 90.0")).toBeTruthy();
    expect(within(factor).getByText("−18.0")).toBeTruthy();

    const since = await within(health).findByRole("group", { name: "Since yesterday" });
    expect(within(since).getByText(/^Down 18 points since/)).toBeTruthy();
    expect(within(since).getByText("−16.0")).toBeTruthy();
    expect(within(health).getByRole("img", { name: "Health score history: 3 hours, from 80 to 62, low 62, high 80" })).toBeTruthy();
    expect(urls().some((u) => u.pathname === "/api/health/clusters/c-1" && u.searchParams.get("hours") === "168")).toBe(true);
  });

  it("says when there is nothing to compare with or the cluster was never scored", async () => {
    serveFleet(
      () => jsonResponse(clusterDetail),
      (url) =>
        url.pathname.endsWith("/diff")
          ? problemResponse(404, "Not Found", "No score at or before 2026-11-28T05:00.")
          : url.pathname.startsWith("/api/health/clusters/")
            ? jsonResponse({ ...clusterHealth, latest: null, history: [] })
            : serveHealthApis(url),
    );
    renderApp("/overview/clusters/c-1");

    const panel = await screen.findByRole("dialog", { name: "Cluster detail" });
    expect(await within(panel).findByText("This cluster has not been scored yet.")).toBeTruthy();
  });

  it("does not ask for the diff when the history holds no score a day older than the newest", async () => {
    const { urls } = serveFleet(
      () => jsonResponse(clusterDetail),
      (url) =>
        url.pathname.startsWith("/api/health/clusters/")
          ? jsonResponse({ ...clusterHealth, history: clusterHealth.history.slice(1) })
          : serveHealthApis(url),
    );
    renderApp("/overview/clusters/c-1");

    const panel = await screen.findByRole("dialog", { name: "Cluster detail" });
    expect(await within(panel).findByText("No score from 24 hours earlier to compare with.")).toBeTruthy();
    expect(urls().some((u) => u.pathname.endsWith("/diff"))).toBe(false);
  });

  it("treats a missing score from yesterday as nothing to compare, not as an error", async () => {
    serveFleet(
      () => jsonResponse(clusterDetail),
      (url) => (url.pathname.endsWith("/diff") ? problemResponse(404, "Not Found", "No score then.") : serveHealthApis(url)),
    );
    renderApp("/overview/clusters/c-1");

    const panel = await screen.findByRole("dialog", { name: "Cluster detail" });
    expect(await within(panel).findByText("No score from 24 hours earlier to compare with.")).toBeTruthy();
    expect(within(panel).queryByRole("alert")).toBeNull();
  });
});
