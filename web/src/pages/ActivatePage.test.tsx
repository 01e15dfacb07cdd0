import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { getSession } from "../shared/auth/session";
import { clusterPage, fleetSummary } from "../test/fleetFixtures";
import { mockApi } from "../test/mockApi";
import { jsonResponse, problemResponse } from "../test/mockFetch";
import { renderApp } from "../test/renderWithRouter";
import { tokens } from "../test/session";

function fill(form: HTMLElement, values: { name?: string; password: string; confirm: string }) {
  if (values.name !== undefined) fireEvent.change(within(form).getByLabelText("Display name (optional)"), { target: { value: values.name } });
  fireEvent.change(within(form).getByLabelText("Password"), { target: { value: values.password } });
  fireEvent.change(within(form).getByLabelText("Repeat password"), { target: { value: values.confirm } });
  fireEvent.click(within(form).getByRole("button", { name: "Activate and sign in" }));
}

describe("ActivatePage", () => {
  it("checks length and repetition before asking the server", async () => {
    const { fetchMock } = mockApi();
    renderApp("/activate?token=tok-1", { as: null });
    const form = screen.getByRole("form", { name: "Activate account" });

    fill(form, { password: "short", confirm: "short" });
    expect(await within(form).findByText("Use at least 8 characters.")).toBeTruthy();
    expect(within(form).getByLabelText("Password").getAttribute("aria-invalid")).toBe("true");

    fill(form, { password: "x".repeat(129), confirm: "x".repeat(129) });
    expect(await within(form).findByText("Use at most 128 characters.")).toBeTruthy();

    fill(form, { password: "a long passphrase", confirm: "a long passphrasE" });
    expect(await within(form).findByText("The two passwords differ.")).toBeTruthy();

    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("activates with the token, password and name, then lands signed in on the Overview", async () => {
    const { requests } = mockApi((url) => {
      if (url.pathname === "/api/auth/activate") return jsonResponse({ ...tokens("viewer", "new") });
      return jsonResponse(url.pathname === "/api/fleet/summary" ? fleetSummary : clusterPage());
    });
    const { router } = renderApp("/activate?token=tok-1", { as: null });

    fill(screen.getByRole("form", { name: "Activate account" }), { name: " Ada ", password: "a long passphrase", confirm: "a long passphrase" });

    await waitFor(() => expect(router.state.location.pathname).toBe("/overview"));
    expect(requests()[0]).toMatchObject({
      method: "POST",
      url: expect.objectContaining({ pathname: "/api/auth/activate" }),
      body: { token: "tok-1", password: "a long passphrase", display_name: "Ada" },
    });
    expect(getSession()?.user.role).toBe("viewer");
  });

  it("shows why the server refused a used or expired invite", async () => {
    mockApi(() => problemResponse(400, "Bad Request", "This invite has already been used."));
    renderApp("/activate?token=used", { as: null });
    const form = screen.getByRole("form", { name: "Activate account" });

    fill(form, { password: "a long passphrase", confirm: "a long passphrase" });

    expect(await within(form).findByText("This invite has already been used.")).toBeTruthy();
    expect(getSession()).toBeNull();
  });

  it("says so when the link has no token", () => {
    mockApi();
    renderApp("/activate", { as: null });

    expect(screen.getByText("This activation link is incomplete.")).toBeTruthy();
    expect(screen.queryByRole("form")).toBeNull();
  });
});
