import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { NAV_ITEMS } from "./shared/layout/navItems";
import { clusterPage, fleetSummary } from "./test/fleetFixtures";
import { jsonResponse, mockFetch } from "./test/mockFetch";
import { renderApp } from "./test/renderWithRouter";

describe("app routes", () => {
  it("redirects / to /overview", async () => {
    mockFetch((url) => jsonResponse(url.pathname === "/api/fleet/summary" ? fleetSummary : clusterPage()));
    const { router } = renderApp("/");

    await waitFor(() => expect(router.state.location.pathname).toBe("/overview"));
    expect(await screen.findByRole("heading", { name: "Overview" })).toBeTruthy();
  });

  it.each([
    ["/issues", "Issues"],
    ["/issues/42", "Issues"],
    ["/llm-usage", "LLM Usage"],
    ["/help", "Help"],
  ])("says %s is not available yet instead of showing made-up data", async (path, title) => {
    const { fetchMock } = mockFetch(() => jsonResponse({}));
    renderApp(path);

    expect(screen.getByRole("heading", { name: title })).toBeTruthy();
    expect(screen.getByText("This page is not available yet.")).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("renders a 404 page for unknown routes", () => {
    mockFetch(() => jsonResponse({}));
    renderApp("/no-such-page");

    expect(screen.getByRole("heading", { name: "Page not found" })).toBeTruthy();
    expect(screen.getByText("/no-such-page")).toBeTruthy();
  });

  it("lists all twelve pages in the nav, greying out the ones not built yet", () => {
    mockFetch(() => jsonResponse({}));
    renderApp("/help");

    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).getAllByRole("listitem")).toHaveLength(12);
    expect(within(nav).getByRole("link", { name: "Overview" }).getAttribute("href")).toBe("/overview");
    for (const item of NAV_ITEMS.filter((i) => !i.available)) {
      const entry = within(nav).getByText(item.label).closest("[aria-disabled]");
      expect(entry?.getAttribute("aria-disabled")).toBe("true");
      expect(within(entry as HTMLElement).getByText("coming")).toBeTruthy();
    }
    expect(within(nav).queryAllByRole("link")).toHaveLength(1);
  });
});
