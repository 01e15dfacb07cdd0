import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fleetSummary } from "../test/fleetFixtures";
import { breakingTable, withHealthApis } from "../test/healthFixtures";
import { mockApi } from "../test/mockApi";
import { jsonResponse, problemResponse } from "../test/mockFetch";
import { renderApp } from "../test/renderWithRouter";

const serve = withHealthApis((url) => (url.pathname === "/api/fleet/summary" ? jsonResponse(fleetSummary) : problemResponse(404, "Not Found", url.pathname)));

describe("BreakingPointPage", () => {
  it("shows the back-test, the nearest breaches with their interval, and the chart of the nearest one", async () => {
    const { urls } = mockApi(serve);
    renderApp("/breaking");

    expect(await screen.findByRole("heading", { level: 1, name: "Breaking Point" }, { timeout: 10_000 })).toBeTruthy();
    const backtest = await screen.findByRole("region", { name: "Forecast back-test" });
    // the region is drawn before its data arrives: wait for the figures
    const hitRate = await within(backtest).findByText("Hit rate", { selector: "dt" });
    expect(within(hitRate.parentElement as HTMLElement).getByText("80.0 %")).toBeTruthy();
    expect(within(backtest).getByText("0.9 days")).toBeTruthy();
    expect(within(within(backtest).getByRole("table", { name: "Back-test by metric" })).getByText("100.0 %")).toBeTruthy();

    const table = await screen.findByRole("table", { name: "Nearest breaches" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText("breached")).toBeTruthy();
    expect(within(rows[1]).getByText("84.2 %")).toBeTruthy();
    expect(within(rows[1]).getByText("90.0 %")).toBeTruthy();
    expect(within(rows[1]).getByText("3.2")).toBeTruthy();
    expect(within(rows[1]).getByText("2026-12-02 10:00")).toBeTruthy();
    expect(within(rows[1]).getByText("2026-12-04")).toBeTruthy();
    expect(screen.getByLabelText("Counts by status").textContent).toBe("breached 1 · breach 1 · no breach 700 · insufficient data 20");

    // The chart follows the first row until another is picked.
    const chart = await screen.findByRole("region", { name: "Forecast: cluster-003" });
    expect(await within(chart).findByRole("img", { name: /^compaction_score_max forecast: 2 daily peaks, critical threshold 500, breached/ })).toBeTruthy();
    expect(urls().some((u) => u.pathname === "/api/analysis/breaking-point/c-3" && u.searchParams.get("hourly") === "true")).toBe(true);

    fireEvent.click(within(chart).getByRole("tab", { name: "disk_used_pct" }));
    expect(await within(chart).findByRole("img", { name: /^disk_used_pct forecast: .* no breach within 30 days$/ })).toBeTruthy();

    fireEvent.click(within(rows[1]).getByRole("button", { name: "Chart cluster-007 disk_used_pct" }));
    await waitFor(() => expect(urls().some((u) => u.pathname === "/api/analysis/breaking-point/c-7")).toBe(true));
  });

  it("sends the filters to the API and starts again from the first page", async () => {
    const { urls } = mockApi(serve);
    renderApp("/breaking");

    const filters = await screen.findByRole("group", { name: "Breaking point filters" }, { timeout: 10_000 });
    fireEvent.change(within(filters).getByLabelText("Metric"), { target: { value: "disk_used_pct" } });
    fireEvent.change(within(filters).getByLabelText("Tier"), { target: { value: "S" } });
    fireEvent.change(within(filters).getByLabelText("Status"), { target: { value: "all" } });
    fireEvent.change(within(filters).getByLabelText("Within days"), { target: { value: "14" } });

    await waitFor(() => {
      const last = urls().filter((u) => u.pathname === "/api/analysis/breaking-point").at(-1);
      expect(Object.fromEntries(last?.searchParams ?? [])).toEqual({
        metric: "disk_used_pct",
        tier: "S",
        status: "all",
        within_days: "14",
        limit: "50",
        offset: "0",
      });
    });
  });

  it("shows the API's problem for a bad filter and an empty state when nothing matches", async () => {
    mockApi((url) => {
      if (url.pathname === "/api/analysis/breaking-point" && url.searchParams.get("within_days") === "-1")
        return problemResponse(400, "Invalid parameter", "within_days must be 0 or more");
      if (url.pathname === "/api/analysis/breaking-point") return jsonResponse({ ...breakingTable, total: 0, items: [] });
      return serve(url);
    });
    renderApp("/breaking");

    expect(await screen.findByText("No breaches match", {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByRole("region", { name: /^Forecast:/ })).toBeNull();
    fireEvent.change(screen.getByLabelText("Within days"), { target: { value: "-1" } });
    expect(await screen.findByText("within_days must be 0 or more")).toBeTruthy();
  });

  it("says there is no back-test yet instead of failing", async () => {
    mockApi((url) =>
      url.pathname === "/api/analysis/breaking-point/backtest"
        ? problemResponse(404, "Not Found", "No snapshots to back-test yet.")
        : serve(url),
    );
    renderApp("/breaking");

    expect(await screen.findByText("No back-test yet: there are no snapshots to test on.", {}, { timeout: 10_000 })).toBeTruthy();
  });
});
