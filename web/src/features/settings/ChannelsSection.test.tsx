import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { jsonResponse, mockFetch, problemResponse, type RecordedRequest } from "../../test/mockFetch";
import { renderWithRouter } from "../../test/renderWithRouter";
import { larkChannel } from "../../test/settingsFixtures";
import { ChannelsSection } from "./ChannelsSection";
import type { Channel } from "./settingsTypes";

const SECRET = "s3cret-signing-key";

/** A server that keeps channels and, like the real one, never returns a secret. */
function serveChannels(initial: Channel[]) {
  let channels = [...initial];
  return mockFetch((url, request: RecordedRequest) => {
    const body = request.body as Record<string, unknown> | undefined;
    if (url.pathname === "/api/settings/channels" && request.method === "GET") return jsonResponse(channels);
    if (url.pathname === "/api/settings/channels" && request.method === "POST") {
      const { secret, url, ...rest } = body ?? {};
      const created = { ...(rest as object), channel_id: "ch-2", url_hint: `${new URL(String(url)).origin}/…`, has_secret: Boolean(secret) } as Channel;
      channels = [...channels, created];
      return jsonResponse(created, 201);
    }
    if (url.pathname === "/api/settings/channels/ch-1" && request.method === "PUT") {
      const { secret, url: _url, ...rest } = body ?? {};
      // re-sent credentials replace undecryptable ones, as the server does
      const resaved = _url ? { secret_state: secret ? "stored" : "none", problem: null, has_secret: Boolean(secret) } : {};
      channels = channels.map((c) => (c.channel_id === "ch-1" ? { ...c, ...(rest as object), has_secret: c.has_secret || Boolean(secret), ...resaved } as Channel : c));
      return jsonResponse(channels[0]);
    }
    if (url.pathname === "/api/settings/channels/ch-1/test") return jsonResponse({ delivered: false, retryable: false, http_status: 19021, code: 19021, detail: "sign match fail" });
    if (url.pathname === "/api/settings/channels/ch-1" && request.method === "DELETE") {
      channels = channels.filter((c) => c.channel_id !== "ch-1");
      return new Response(null, { status: 204 });
    }
    return problemResponse(404, "Not Found", url.pathname);
  });
}

function secretIsNowhere() {
  expect(document.body.innerHTML).not.toContain(SECRET);
  for (const input of document.querySelectorAll("input")) expect(input.value).not.toBe(SECRET);
}

describe("ChannelsSection", () => {
  it("shows 'secret set' for a stored secret, starts the field empty and leaves the secret out of an edit", async () => {
    const { requests } = serveChannels([larkChannel]);
    renderWithRouter(<ChannelsSection />, { as: "admin" });

    const table = await screen.findByRole("table", { name: "Notification channels" });
    expect(within(table).getByText("secret set")).toBeTruthy();
    fireEvent.click(within(table).getByRole("button", { name: "Edit" }));

    const form = screen.getByRole("form", { name: "Edit channel SRE Lark group" });
    const secret = within(form).getByLabelText("Signing secret") as HTMLInputElement;
    expect(secret.value).toBe("");
    expect(secret.type).toBe("password");
    expect(within(form).getByText("secret set")).toBeTruthy();
    fireEvent.change(within(form).getByLabelText("Name"), { target: { value: "SRE group" } });
    fireEvent.click(within(form).getByRole("button", { name: "Save channel" }));

    await waitFor(() => expect(requests().some((r) => r.method === "PUT")).toBe(true));
    const put = requests().find((r) => r.method === "PUT")!;
    expect(put.body).toEqual({
      name: "SRE group",
      kind: "lark_bot",
      min_severity: "warning",
      enabled: true,
    });
    expect(put.body).not.toHaveProperty("secret");
    // the stored URL is write-only too: an untouched field keeps it
    expect(put.body).not.toHaveProperty("url");
  });

  it("sends a new secret once and never shows it again", async () => {
    const { requests } = serveChannels([]);
    renderWithRouter(<ChannelsSection />, { as: "admin" });
    expect(await screen.findByText("No notification channels yet.")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Add channel" }));
    const form = screen.getByRole("form", { name: "New channel" });
    fireEvent.change(within(form).getByLabelText("Name"), { target: { value: "Pager webhook" } });
    fireEvent.change(within(form).getByLabelText("Kind"), { target: { value: "webhook" } });
    fireEvent.change(within(form).getByLabelText("Webhook URL"), { target: { value: "https://hooks.example.com/byoc" } });
    fireEvent.change(within(form).getByLabelText("Minimum severity"), { target: { value: "critical" } });
    fireEvent.change(within(form).getByLabelText("Secret"), { target: { value: SECRET } });
    fireEvent.click(within(form).getByRole("button", { name: "Add channel" }));

    const table = await screen.findByRole("table", { name: "Notification channels" });
    expect(requests().find((r) => r.method === "POST")?.body).toEqual({
      name: "Pager webhook",
      kind: "webhook",
      url: "https://hooks.example.com/byoc",
      min_severity: "critical",
      enabled: true,
      secret: SECRET,
    });
    expect(within(table).getByText("secret set")).toBeTruthy();
    expect(screen.queryByRole("form")).toBeNull();
    secretIsNowhere();

    // Opening the channel again shows the marker, never the value.
    fireEvent.click(within(table).getByRole("button", { name: "Edit" }));
    expect((screen.getByLabelText("Secret") as HTMLInputElement).value).toBe("");
    secretIsNowhere();
  });

  it("reports credentials the server cannot decrypt and asks for both again", async () => {
    const problem =
      "The stored url or secret cannot be decrypted with the current key: it was encrypted with another key (key id 00000000, this server's is 5845e7f3). Save the channel again with its url and secret.";
    const { requests } = serveChannels([{ ...larkChannel, has_secret: false, secret_state: "unreadable", problem, url_hint: "(cannot be decrypted: save the url again)" }]);
    renderWithRouter(<ChannelsSection />, { as: "admin" });

    const table = await screen.findByRole("table", { name: "Notification channels" });
    expect(within(table).getByText("Cannot be decrypted")).toBeTruthy();
    expect(within(table).getByText(/cannot be decrypted with the current key: it was encrypted with another key/)).toBeTruthy();
    expect(within(table).queryByText("none")).toBeNull();

    fireEvent.click(within(table).getByRole("button", { name: "Edit" }));
    const form = screen.getByRole("form", { name: "Edit channel SRE Lark group" });
    const url = within(form).getByLabelText("Webhook URL") as HTMLInputElement;
    expect(url.required).toBe(true);
    expect(within(form).getByText(/cannot be decrypted with the server's current key: enter both again/)).toBeTruthy();
    fireEvent.change(url, { target: { value: "https://open.larksuite.com/open-apis/bot/v2/hook/new" } });
    fireEvent.click(within(form).getByRole("button", { name: "Save channel" }));

    await waitFor(() => expect(requests().some((r) => r.method === "PUT")).toBe(true));
    // an empty secret is sent as "" (none): the server needs every credential again
    expect(requests().find((r) => r.method === "PUT")?.body).toEqual({
      name: "SRE Lark group",
      kind: "lark_bot",
      url: "https://open.larksuite.com/open-apis/bot/v2/hook/new",
      min_severity: "warning",
      enabled: true,
      secret: "",
    });
    await waitFor(() => expect(within(table).queryByText("Cannot be decrypted")).toBeNull());
    expect(within(table).getByText("none")).toBeTruthy();
  });

  it("shows the outcome of 'send test' and deletes after a confirmation", async () => {
    const { requests } = serveChannels([larkChannel]);
    renderWithRouter(<ChannelsSection />, { as: "admin" });
    const table = await screen.findByRole("table", { name: "Notification channels" });

    fireEvent.click(within(table).getByRole("button", { name: "Send test" }));
    expect(await within(table).findByText("Test failed (19021): sign match fail")).toBeTruthy();

    fireEvent.click(within(table).getByRole("button", { name: "Delete" }));
    expect(requests().some((r) => r.method === "DELETE")).toBe(false);
    fireEvent.click(within(table).getByRole("button", { name: "Confirm delete" }));
    expect(await screen.findByText("No notification channels yet.")).toBeTruthy();
    expect(requests().find((r) => r.method === "DELETE")?.url.pathname).toBe("/api/settings/channels/ch-1");
  });
});
