import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { getSession } from "../auth/session";
import { mockApi } from "../../test/mockApi";
import { problemResponse } from "../../test/mockFetch";
import { renderApp } from "../../test/renderWithRouter";

function stubSystemDark(dark: boolean) {
  const listeners = new Set<() => void>();
  const media = {
    matches: dark,
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  };
  vi.stubGlobal("matchMedia", vi.fn(() => media));
  return {
    flip(next: boolean) {
      media.matches = next;
      listeners.forEach((l) => l());
    },
  };
}

async function openMenu() {
  fireEvent.click(await screen.findByRole("button", { name: /^User menu for/ }));
  return screen.getByRole("radiogroup", { name: "Theme" });
}

describe("UserMenu", () => {
  it("shows the user's name and role", async () => {
    mockApi();
    renderApp("/help", { as: "operator" });

    const button = await screen.findByRole("button", { name: "User menu for Test operator" });
    expect(within(button).getByText("Operator")).toBeTruthy();
  });

  it("switches the theme at once through the dark class on <html> and saves it in the preferences", async () => {
    const { requests } = mockApi();
    renderApp("/help");
    await screen.findByRole("heading", { name: "Help" });
    expect(document.documentElement.classList.contains("dark")).toBe(false);

    const themes = await openMenu();
    fireEvent.click(within(themes).getByRole("radio", { name: "Dark" }));

    await waitFor(() => expect(document.documentElement.classList.contains("dark")).toBe(true));
    expect(within(themes).getByRole("radio", { name: "Dark" }).getAttribute("aria-checked")).toBe("true");
    await waitFor(() =>
      expect(requests().find((r) => r.method === "PUT")).toMatchObject({
        url: expect.objectContaining({ pathname: "/api/settings/preferences" }),
        body: { time_zone: "UTC", theme: "dark", default_filters: {} },
      }),
    );
    // Remembered for the next page load's first paint.
    expect(localStorage.getItem("byoc.theme")).toBe("dark");

    fireEvent.click(within(themes).getByRole("radio", { name: "Light" }));
    await waitFor(() => expect(document.documentElement.classList.contains("dark")).toBe(false));
  });

  it("follows the operating system while the theme is system", async () => {
    const system = stubSystemDark(true);
    mockApi(undefined, { preferences: { time_zone: "UTC", theme: "system", default_filters: {} } });
    renderApp("/help");

    await waitFor(() => expect(document.documentElement.classList.contains("dark")).toBe(true));
    system.flip(false);
    expect(document.documentElement.classList.contains("dark")).toBe(false);
  });

  it("puts the old theme back when saving fails", async () => {
    const put = vi.fn(() => problemResponse(500, "Internal Server Error", "The preferences store is down."));
    mockApi(undefined, { savePreferences: put });
    renderApp("/help");
    await screen.findByRole("heading", { name: "Help" });

    const themes = await openMenu();
    fireEvent.click(within(themes).getByRole("radio", { name: "Dark" }));

    expect(await screen.findByText("The preferences store is down.")).toBeTruthy();
    expect(put).toHaveBeenCalled();
    await waitFor(() => expect(document.documentElement.classList.contains("dark")).toBe(false));
  });

  it("signs out on the server, forgets the tokens and goes to the login page", async () => {
    const { requests } = mockApi(() => new Response(null, { status: 204 }));
    const { router } = renderApp("/help");
    await openMenu();

    fireEvent.click(screen.getByRole("button", { name: "Sign out" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/login"));
    expect(requests().find((r) => r.url.pathname === "/api/auth/logout")).toMatchObject({
      method: "POST",
      body: { refresh_token: "refresh-1" },
      headers: expect.objectContaining({ Authorization: "Bearer access-1" }),
    });
    expect(getSession()).toBeNull();
    expect(sessionStorage.getItem("byoc.session")).toBeNull();
  });
});
