import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, problemResponse } from "../../test/mockFetch";
import { renderWithRouter } from "../../test/renderWithRouter";
import { invites } from "../../test/settingsFixtures";
import { InvitesSection } from "./InvitesSection";

describe("InvitesSection", () => {
  it("creates an invite and shows its activation link once, with a copy button", async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    const { requests } = mockFetch((url, request) => {
      if (request.method === "POST")
        return jsonResponse(
          {
            invite_id: "i-2",
            email: "ada@example.com",
            role: "operator",
            expires_at: "2026-12-02T08:00:00Z",
            token: "tok-abc",
            activation_path: "/activate?token=tok-abc",
          },
          201,
        );
      return url.pathname === "/api/auth/invites" ? jsonResponse(invites) : problemResponse(404, "Not Found", "");
    });
    renderWithRouter(<InvitesSection />, { as: "admin" });
    await screen.findByRole("table", { name: "Invites" });

    const form = screen.getByRole("form", { name: "Invite a user" });
    fireEvent.change(within(form).getByLabelText("Email"), { target: { value: "ada@example.com" } });
    fireEvent.change(within(form).getByLabelText("Role"), { target: { value: "operator" } });
    fireEvent.click(within(form).getByRole("button", { name: "Create invite" }));

    const link = (await screen.findByLabelText("Activation link")) as HTMLInputElement;
    expect(link.value).toBe(`${window.location.origin}/activate?token=tok-abc`);
    expect(requests().find((r) => r.method === "POST")?.body).toEqual({ email: "ada@example.com", role: "operator" });
    fireEvent.click(screen.getByRole("button", { name: "Copy link" }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(link.value));
    expect(await screen.findByRole("button", { name: "Copied" })).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Done" }));
    expect(screen.queryByLabelText("Activation link")).toBeNull();
    expect(document.body.innerHTML).not.toContain("tok-abc");
  });

  it("revokes a pending invite", async () => {
    const { requests } = mockFetch((url, request) =>
      request.method === "DELETE" ? new Response(null, { status: 204 }) : jsonResponse(url.pathname === "/api/auth/invites" ? invites : {}),
    );
    renderWithRouter(<InvitesSection />, { as: "admin" });

    fireEvent.click(await screen.findByRole("button", { name: "Revoke invite for new@example.com" }));

    await waitFor(() => expect(requests().find((r) => r.method === "DELETE")?.url.pathname).toBe("/api/auth/invites/i-1"));
  });
});
