import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi } from "../test/mockApi";
import { jsonResponse } from "../test/mockFetch";
import { renderApp } from "../test/renderWithRouter";
import { testUser } from "../test/session";
import { invites, larkChannel, users } from "../test/settingsFixtures";

function serveSettings(url: URL) {
  switch (url.pathname) {
    case "/api/auth/users":
      return jsonResponse(users);
    case "/api/auth/invites":
      return jsonResponse(invites);
    case "/api/settings/channels":
      return jsonResponse([larkChannel]);
    case "/api/looker/config":
      return jsonResponse({ configured: false, host: null });
    default:
      return jsonResponse({});
  }
}

const ADMIN_PATHS = ["/api/auth/users", "/api/auth/invites", "/api/settings/channels"];

describe("SettingsPage", () => {
  it.each(["viewer", "operator"] as const)("shows the %s role only the preferences and Looker, and asks for nothing admin-only", async (role) => {
    const { urls } = mockApi(serveSettings, { user: testUser(role) });
    renderApp("/settings", { as: role });

    expect(await screen.findByRole("form", { name: "Preferences" })).toBeTruthy();
    expect(await screen.findByText("Not configured.")).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Users" })).toBeNull();
    expect(screen.queryByRole("region", { name: "Invites" })).toBeNull();
    expect(screen.queryByRole("region", { name: "Notification channels" })).toBeNull();
    expect(screen.queryByText("Administration")).toBeNull();
    expect(urls().some((u) => ADMIN_PATHS.includes(u.pathname))).toBe(false);
  });

  it("shows an admin users, invites and channels", async () => {
    mockApi(serveSettings);
    renderApp("/settings");

    const usersTable = await screen.findByRole("table", { name: "Users" });
    expect(within(usersTable).getByText("ops@example.com")).toBeTruthy();
    expect(await screen.findByRole("table", { name: "Invites" })).toBeTruthy();
    expect(await screen.findByRole("table", { name: "Notification channels" })).toBeTruthy();
  });

  it("lets an admin change a role and disable or enable a user, but not themselves", async () => {
    const { requests } = mockApi(serveSettings);
    renderApp("/settings");
    const table = await screen.findByRole("table", { name: "Users" });

    expect((within(table).getByLabelText("Role of admin@example.com") as HTMLSelectElement).disabled).toBe(true);
    const [selfRow, opsRow, goneRow] = within(table).getAllByRole("row").slice(1);
    expect(within(selfRow).queryByRole("button", { name: "Disable" })).toBeNull();

    fireEvent.change(within(opsRow).getByLabelText("Role of ops@example.com"), { target: { value: "viewer" } });
    fireEvent.click(within(opsRow).getByRole("button", { name: "Disable" }));
    fireEvent.click(within(goneRow).getByRole("button", { name: "Enable" }));

    await waitFor(() => expect(requests().filter((r) => r.method === "PATCH")).toHaveLength(3));
    const patches = requests().filter((r) => r.method === "PATCH").map((r) => [r.url.pathname, r.body]);
    expect(patches).toEqual([
      ["/api/auth/users/u-2", { role: "viewer" }],
      ["/api/auth/users/u-2", { status: "disabled" }],
      ["/api/auth/users/u-3", { status: "active" }],
    ]);
  });

  it("saves the time zone, theme and default filters as one preferences object", async () => {
    const { requests } = mockApi(serveSettings);
    renderApp("/settings");
    const form = await screen.findByRole("form", { name: "Preferences" });

    const zone = within(form).getByLabelText(/Time zone/) as HTMLSelectElement;
    expect([...zone.options].map((o) => o.value)).toContain("Europe/Berlin");
    fireEvent.change(zone, { target: { value: "Europe/Berlin" } });
    fireEvent.click(within(form).getByRole("radio", { name: "Dark" }));
    fireEvent.change(within(form).getByLabelText("State"), { target: { value: "ABNORMAL" } });
    fireEvent.change(within(form).getByLabelText("Rows per page"), { target: { value: "100" } });
    fireEvent.click(within(form).getByRole("button", { name: "Save preferences" }));

    await waitFor(() => expect(requests().some((r) => r.method === "PUT")).toBe(true));
    expect(requests().find((r) => r.method === "PUT")?.body).toEqual({
      time_zone: "Europe/Berlin",
      theme: "dark",
      default_filters: { state: "ABNORMAL", size: 100 },
    });
    expect(await screen.findByText("Preferences saved")).toBeTruthy();
    await waitFor(() => expect(document.documentElement.classList.contains("dark")).toBe(true));
    // Timestamps elsewhere on the page follow the new zone: 04:00 UTC is 05:00 in Berlin.
    const usersTable = screen.getByRole("table", { name: "Users" });
    expect(within(usersTable).getByText("2026-11-29 05:00")).toBeTruthy();
  });
});
