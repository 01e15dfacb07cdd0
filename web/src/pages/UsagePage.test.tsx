import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fleetSummary } from "../test/fleetFixtures";
import { usageReport, withHealthApis } from "../test/healthFixtures";
import { mockApi } from "../test/mockApi";
import { jsonResponse, problemResponse } from "../test/mockFetch";
import { renderApp } from "../test/renderWithRouter";

const serve = withHealthApis((url) => (url.pathname === "/api/fleet/summary" ? jsonResponse(fleetSummary) : problemResponse(404, "Not Found", url.pathname)));

function usageCalls(urls: () => URL[]) {
  return urls().filter((u) => u.pathname === "/api/analysis/usage");
}

describe("UsagePage", () => {
  it("shows the heat maps, percentiles, idle and over-provisioned clusters with what they waste", async () => {
    mockApi(serve);
    renderApp("/usage");

    expect(await screen.findByRole("heading", { level: 1, name: "Usage Patterns" }, { timeout: 10_000 })).toBeTruthy();
    expect(
      await screen.findByRole("img", { name: "CPU by weekday and hour (UTC): busiest Tue 14:00 71.5 CPU %, quietest Sun 03:00 4.2 CPU %" }),
    ).toBeTruthy();
    expect(screen.getByRole("img", { name: /^Query volume by weekday and hour \(UTC\): busiest Mon 23:00 123 queries\/s/ })).toBeTruthy();

    const totals = screen.getByRole("region", { name: "Waste totals" });
    expect(within(within(totals).getByRole("region", { name: "Dollars wasted per week" })).getByText("$504.00")).toBeTruthy();
    expect(within(within(totals).getByRole("region", { name: "CCU wasted per week" })).getByText("840.0")).toBeTruthy();

    const percentiles = screen.getByRole("table", { name: "Utilization percentiles" });
    expect(within(within(percentiles).getAllByRole("row")[1]).getByText("67.8")).toBeTruthy();

    const idle = screen.getByRole("table", { name: "Idle clusters" });
    expect(within(idle).getByRole("link", { name: "cluster-005" }).getAttribute("href")).toBe("/overview/clusters/c-5");
    expect(within(idle).getByText("$201.60")).toBeTruthy();
    const over = screen.getByRole("table", { name: "Over-provisioned clusters" });
    expect(within(over).getByText("6 × r6id.4xlarge")).toBeTruthy();
    expect(within(over).getByText("3 × r6id.4xlarge")).toBeTruthy();
    expect(within(over).getByText("$302.40")).toBeTruthy();
    expect(within(over).getByText(/^Scale in from 6 to 3 BE nodes/)).toBeTruthy();
  });

  it("narrows the fleet by filters, or to one cluster without them", async () => {
    const { urls } = mockApi(serve);
    renderApp("/usage");

    const scope = await screen.findByRole("group", { name: "Usage scope" }, { timeout: 10_000 });
    fireEvent.change(within(scope).getByLabelText("Tier"), { target: { value: "S" } });
    fireEvent.change(within(scope).getByLabelText("Region"), { target: { value: "us-east-1" } });
    await waitFor(() =>
      expect(Object.fromEntries(usageCalls(urls).at(-1)?.searchParams ?? [])).toEqual({ tier: "S", region: "us-east-1" }),
    );

    fireEvent.change(within(scope).getByLabelText("Cluster id"), { target: { value: "c-5" } });
    fireEvent.change(within(scope).getByLabelText("Window"), { target: { value: "7" } });
    await waitFor(() => expect(Object.fromEntries(usageCalls(urls).at(-1)?.searchParams ?? [])).toEqual({ cluster_id: "c-5", days: "7" }));
    expect(within(scope).queryByLabelText("Tier")).toBeNull();
  });

  it("shows the API's problem and an empty scope honestly", async () => {
    mockApi((url) => {
      if (url.pathname !== "/api/analysis/usage") return serve(url);
      if (url.searchParams.get("cluster_id"))
        return problemResponse(400, "Invalid parameter", "a cluster id has 1 to 64 characters");
      return jsonResponse({ ...usageReport, scope: { ...usageReport.scope, clusters: 0 }, idle: [], over_provisioned: [] });
    });
    renderApp("/usage");

    expect(await screen.findByText("No usage data in this scope", {}, { timeout: 10_000 })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Cluster id"), { target: { value: "x".repeat(80) } });
    expect(await screen.findByText("a cluster id has 1 to 64 characters")).toBeTruthy();
  });
});
