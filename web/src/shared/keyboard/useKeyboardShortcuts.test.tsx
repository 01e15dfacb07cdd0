import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { clusterPage, fleetSummary } from "../../test/fleetFixtures";
import { mockApi } from "../../test/mockApi";
import { jsonResponse } from "../../test/mockFetch";
import { renderApp } from "../../test/renderWithRouter";

function press(...keys: string[]) {
  for (const key of keys) fireEvent.keyDown(document.activeElement ?? document.body, { key });
}

describe("keyboard shortcuts", () => {
  it("goes to pages with g then a letter, and opens Help with ?", async () => {
    mockApi((url) => jsonResponse(url.pathname === "/api/fleet/summary" ? fleetSummary : clusterPage()));
    const { router } = renderApp("/help");
    await screen.findByRole("heading", { name: "Help" });

    press("g", "s");
    await waitFor(() => expect(router.state.location.pathname).toBe("/settings"));
    press("g", "o");
    await waitFor(() => expect(router.state.location.pathname).toBe("/overview"));
    press("?");
    await waitFor(() => expect(router.state.location.pathname).toBe("/help"));
  });

  it("focuses the cluster search with / and ignores keys typed into a field", async () => {
    mockApi((url) => jsonResponse(url.pathname === "/api/fleet/summary" ? fleetSummary : clusterPage()));
    const { router } = renderApp("/overview");
    const search = await screen.findByLabelText("Search");

    press("/");
    expect(document.activeElement).toBe(search);
    press("g", "s", "?");
    expect(router.state.location.pathname).toBe("/overview");
  });
});
