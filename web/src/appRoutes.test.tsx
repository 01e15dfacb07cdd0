import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { NAV_ITEMS } from "./shared/layout/navItems";
import { clusterPage, fleetSummary } from "./test/fleetFixtures";
import { defaultPreferences, features, mockApi } from "./test/mockApi";
import { jsonResponse, mockFetch } from "./test/mockFetch";
import { testUser } from "./test/session";
import { renderApp } from "./test/renderWithRouter";

const SHELL_CALLS = ["/api/features", "/api/settings/preferences", "/api/auth/me"];

function serveFleet() {
  return (url: URL) => jsonResponse(url.pathname === "/api/fleet/summary" ? fleetSummary : clusterPage());
}

function nav() {
  return screen.findByRole("navigation", { name: "Main" });
}

describe("app routes", () => {
  it("redirects / to /overview", async () => {
    mockApi(serveFleet());
    const { router } = renderApp("/");

    await waitFor(() => expect(router.state.location.pathname).toBe("/overview"));
    expect(await screen.findByRole("heading", { name: "Overview" })).toBeTruthy();
  });

  it("sends a signed-out visitor of a deep link to the login page, remembering where they were going", async () => {
    const { fetchMock } = mockApi();
    const { router } = renderApp("/issues/42?tab=alerts", { as: null });

    await waitFor(() => expect(router.state.location.pathname).toBe("/login"));
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent("/issues/42?tab=alerts")}`);
    expect(screen.getByRole("form", { name: "Sign in" })).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it.each([
    ["/issues", "Issues"],
    ["/issues/42", "Issues"],
    ["/chat", "Chat"],
  ])("says %s is not available when the server has it off, instead of showing made-up data", async (path, title) => {
    const { urls } = mockApi(undefined, { features: features(["overview", "settings", "help"]) });
    renderApp(path);

    expect(await screen.findByRole("heading", { name: title })).toBeTruthy();
    expect(screen.getByText("This page is not available yet.")).toBeTruthy();
    expect(urls().map((u) => u.pathname).every((p) => SHELL_CALLS.includes(p))).toBe(true);
  });

  it("renders a 404 page for unknown routes", async () => {
    mockApi();
    renderApp("/no-such-page");

    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeTruthy();
    expect(screen.getByText("/no-such-page")).toBeTruthy();
  });

  it("lists all twelve pages in the nav and links only the ones built and switched on", async () => {
    mockApi();
    renderApp("/help");

    const main = await nav();
    expect(within(main).getAllByRole("listitem")).toHaveLength(12);
    const links = within(main).getAllByRole("link").map((a) => [a.textContent, a.getAttribute("href")]);
    expect(links).toEqual(NAV_ITEMS.filter((i) => i.built).map((i) => [i.label, i.path]));
    for (const item of NAV_ITEMS.filter((i) => !i.built)) {
      const entry = within(main).getByText(item.label).closest("[aria-disabled]");
      expect(entry?.getAttribute("aria-disabled")).toBe("true");
      expect(within(entry as HTMLElement).getByText("coming")).toBeTruthy();
    }
  });

  it("greys out a built page the server reports as off, and its route says so", async () => {
    mockApi(undefined, { features: features(["settings", "help"]) });
    renderApp("/overview");

    const main = await nav();
    expect(within(main).getByText("Overview").closest("[aria-disabled]")?.getAttribute("aria-disabled")).toBe("true");
    expect(within(main).queryByRole("link", { name: "Overview" })).toBeNull();
    expect(await screen.findByText("This page is not available yet.")).toBeTruthy();
    expect(screen.getByText(/The server reports Overview as not available/)).toBeTruthy();
  });

  it("keeps a page the server switches on but this app has not built as not available", async () => {
    const unbuilt = NAV_ITEMS.find((i) => !i.built);
    // Every page of DESIGN.md section 8 is built now; the rule still holds for any page added later.
    if (!unbuilt) return;
    mockApi(undefined, { features: features(["overview", unbuilt.key, "settings", "help"]) });
    renderApp(unbuilt.path);

    const main = await nav();
    expect(within(main).queryByRole("link", { name: unbuilt.label })).toBeNull();
    expect(await screen.findByText(new RegExp(`${unbuilt.label} is planned but not built`))).toBeTruthy();
  });

  it("falls back to the built pages with a toast when /api/features fails", async () => {
    mockFetch((url) => {
      if (url.pathname === "/api/features") return new Response("boom", { status: 503, statusText: "Service Unavailable" });
      if (url.pathname === "/api/settings/preferences") return jsonResponse(defaultPreferences);
      return jsonResponse(testUser("admin"));
    });
    renderApp("/help");

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("Could not load which pages are available")).toBeTruthy();
    const main = await nav();
    expect(within(main).getByRole("link", { name: "Overview" })).toBeTruthy();
    for (const item of NAV_ITEMS.filter((i) => i.built)) {
      expect(within(main).getByRole("link", { name: item.label })).toBeTruthy();
    }
  });
});
