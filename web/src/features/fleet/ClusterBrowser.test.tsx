import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { clusterPage } from "../../test/fleetFixtures";
import { jsonResponse, mockFetch, problemResponse } from "../../test/mockFetch";
import { renderWithRouter } from "../../test/renderWithRouter";
import { ClusterBrowser } from "./ClusterBrowser";
import type { FilterOptions } from "./ClusterFilterBar";
import { useClusterQueryState } from "./useClusterQueryState";

const OPTIONS: FilterOptions = {
  state: ["ABNORMAL", "RUNNING", "SUSPENDED"],
  type: ["CLASSIC", "ELASTIC"],
  tier: ["A", "B", "S"],
  version: ["3.3", "3.2"],
  region: ["us-west-2"],
};

function Harness() {
  const state = useClusterQueryState();
  return <ClusterBrowser state={state} options={OPTIONS} />;
}

/** Serves /api/fleet/clusters from the fixture, honouring page and size. */
function serveClusters(total = 150) {
  return mockFetch((url) => {
    const page = Number(url.searchParams.get("page"));
    const size = Number(url.searchParams.get("size"));
    return jsonResponse(clusterPage(page, size, total));
  });
}

function lastParams(urls: () => URL[]): Record<string, string> {
  const all = urls().filter((u) => u.pathname === "/api/fleet/clusters");
  return Object.fromEntries(all[all.length - 1].searchParams);
}

describe("ClusterBrowser", () => {
  it("asks for the first page sorted by name, without empty filters", async () => {
    const { urls } = serveClusters();
    renderWithRouter(<Harness />);

    expect(await screen.findByText("cluster-001")).toBeTruthy();
    expect(lastParams(urls)).toEqual({ page: "0", size: "25", sort: "cluster_name,asc" });
    expect(screen.getByText("1–25 of 150")).toBeTruthy();
  });

  it("sorts on the server when a header is clicked", async () => {
    const { urls } = serveClusters();
    renderWithRouter(<Harness />);
    await screen.findByText("cluster-001");

    fireEvent.click(screen.getByRole("button", { name: /^Cluster/ }));
    await waitFor(() => expect(lastParams(urls).sort).toBe("cluster_name,desc"));

    fireEvent.click(screen.getByRole("button", { name: /^Organization/ }));
    await waitFor(() => expect(lastParams(urls).sort).toBe("org_name,asc"));

    // Numbers start with the largest first.
    fireEvent.click(screen.getByRole("button", { name: /^CCU 7d/ }));
    await waitFor(() => expect(lastParams(urls).sort).toBe("ccu_7d,desc"));
    expect(screen.getByRole("columnheader", { name: /CCU 7d/ }).getAttribute("aria-sort")).toBe("descending");
  });

  it("pages forward and back, and a filter change returns to the first page", async () => {
    const { urls } = serveClusters();
    renderWithRouter(<Harness />);
    await screen.findByText("cluster-001");

    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(lastParams(urls).page).toBe("1"));
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(lastParams(urls).page).toBe("2"));
    expect(await screen.findByText("cluster-051")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Previous" }));
    await waitFor(() => expect(lastParams(urls).page).toBe("1"));

    fireEvent.change(screen.getByLabelText("State"), { target: { value: "ABNORMAL" } });
    await waitFor(() => expect(lastParams(urls)).toMatchObject({ page: "0", state: "ABNORMAL" }));

    fireEvent.change(screen.getByLabelText("Rows"), { target: { value: "50" } });
    await waitFor(() => expect(lastParams(urls)).toMatchObject({ page: "0", size: "50" }));
  });

  it("sends search text and every select as query parameters", async () => {
    const { urls } = serveClusters();
    renderWithRouter(<Harness />);
    await screen.findByText("cluster-001");

    fireEvent.change(screen.getByLabelText("State"), { target: { value: "RUNNING" } });
    fireEvent.change(screen.getByLabelText("Type"), { target: { value: "CLASSIC" } });
    fireEvent.change(screen.getByLabelText("Tier"), { target: { value: "S" } });
    fireEvent.change(screen.getByLabelText("Version"), { target: { value: "3.3" } });
    fireEvent.change(screen.getByLabelText("Region"), { target: { value: "us-west-2" } });
    fireEvent.change(screen.getByLabelText("Search"), { target: { value: "  acme " } });

    await waitFor(() =>
      expect(lastParams(urls)).toEqual({
        page: "0",
        size: "25",
        sort: "cluster_name,asc",
        q: "acme",
        state: "RUNNING",
        type: "CLASSIC",
        tier: "S",
        version: "3.3",
        region: "us-west-2",
      }),
    );

    fireEvent.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(lastParams(urls)).toEqual({ page: "0", size: "25", sort: "cluster_name,asc" }));
    expect((screen.getByLabelText("Search") as HTMLInputElement).value).toBe("");
  });

  it("says so when no cluster matches the filters", async () => {
    serveClusters(0);
    renderWithRouter(<Harness />);

    expect(await screen.findByText("No clusters in the fleet yet")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Tier"), { target: { value: "S" } });
    expect(await screen.findByText("No clusters match these filters")).toBeTruthy();
  });

  it("shows the problem detail when the list request fails", async () => {
    mockFetch(() => problemResponse(400, "Invalid sort field", "Cannot sort by 'nodes'."));
    renderWithRouter(<Harness />);

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("Invalid sort field")).toBeTruthy();
    expect(within(alert).getByText("Cannot sort by 'nodes'.")).toBeTruthy();
  });
});
