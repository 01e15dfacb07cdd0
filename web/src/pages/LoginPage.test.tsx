import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getSession } from "../shared/auth/session";
import { clusterPage, fleetSummary } from "../test/fleetFixtures";
import { mockApi } from "../test/mockApi";
import { jsonResponse, problemResponse } from "../test/mockFetch";
import { renderApp } from "../test/renderWithRouter";
import { tokens } from "../test/session";

function fillAndSubmit(email: string, password: string) {
  const form = screen.getByRole("form", { name: "Sign in" });
  fireEvent.change(within(form).getByLabelText("Email"), { target: { value: email } });
  fireEvent.change(within(form).getByLabelText("Password"), { target: { value: password } });
  fireEvent.click(within(form).getByRole("button", { name: "Sign in" }));
  return form;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("LoginPage", () => {
  it("shows the server's problem detail for a wrong password and clears the password field", async () => {
    const { requests } = mockApi(() => problemResponse(401, "Unauthorized", "invalid email or password"));
    renderApp("/login", { as: null });

    const form = fillAndSubmit("admin@example.com", "not-the-password");

    const alert = await within(form).findByRole("alert");
    expect(within(alert).getByText("Unauthorized")).toBeTruthy();
    expect(within(alert).getByText("invalid email or password")).toBeTruthy();
    expect((within(form).getByLabelText("Password") as HTMLInputElement).value).toBe("");
    expect(requests()).toHaveLength(1);
    expect(requests()[0]).toMatchObject({
      method: "POST",
      body: { email: "admin@example.com", password: "not-the-password" },
    });
    expect(requests()[0].headers.Authorization).toBeUndefined();
    expect(getSession()).toBeNull();
  });

  it("on 429 says when to try again, from Retry-After, and keeps the button off until then", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    mockApi(() =>
      problemResponse(429, "Too Many Requests", "Too many failed sign-ins; try again later.", { "Retry-After": "3" }),
    );
    renderApp("/login", { as: null });

    const form = fillAndSubmit("admin@example.com", "guess-number-6");

    expect(await within(form).findByText("Try again in 3 seconds.")).toBeTruthy();
    expect(within(form).getByText("Too many failed sign-ins; try again later.")).toBeTruthy();
    fireEvent.change(within(form).getByLabelText("Password"), { target: { value: "guess-number-7" } });
    expect((within(form).getByRole("button", { name: "Sign in" }) as HTMLButtonElement).disabled).toBe(true);

    await vi.advanceTimersByTimeAsync(3100);
    expect(await within(form).findByText("You can try again now.")).toBeTruthy();
    expect((within(form).getByRole("button", { name: "Sign in" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("signs in, keeps the tokens for this tab and goes to the page asked for", async () => {
    mockApi((url) => {
      if (url.pathname === "/api/auth/login") return jsonResponse(tokens("operator", "x"));
      return jsonResponse(url.pathname === "/api/fleet/summary" ? fleetSummary : clusterPage());
    });
    const { router } = renderApp(`/login?next=${encodeURIComponent("/overview?from=mail")}`, { as: null });

    fillAndSubmit("  operator@example.com ", "correct horse battery");

    await waitFor(() => expect(router.state.location.pathname).toBe("/overview"));
    expect(router.state.location.search).toBe("?from=mail");
    expect(getSession()).toMatchObject({ accessToken: "access-x", refreshToken: "refresh-x", user: { role: "operator" } });
    expect(JSON.parse(sessionStorage.getItem("byoc.session") ?? "{}").refreshToken).toBe("refresh-x");
    expect(await screen.findByRole("heading", { name: "Overview" })).toBeTruthy();
  });

  it("does not follow a next parameter off the site", async () => {
    mockApi((url) =>
      url.pathname === "/api/auth/login"
        ? jsonResponse(tokens())
        : jsonResponse(url.pathname === "/api/fleet/summary" ? fleetSummary : clusterPage()),
    );
    const { router } = renderApp("/login?next=//evil.example/phish", { as: null });

    fillAndSubmit("admin@example.com", "correct horse battery");

    await waitFor(() => expect(router.state.location.pathname).toBe("/overview"));
  });
});
