import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { NAV_ITEMS } from "../shared/layout/navItems";
import { SHORTCUTS } from "../shared/keyboard/shortcuts";
import { mockApi } from "../test/mockApi";
import { renderApp } from "../test/renderWithRouter";

describe("HelpPage", () => {
  it("explains all twelve pages and marks the ones not available yet", async () => {
    mockApi();
    renderApp("/help");

    const pages = await screen.findByRole("region", { name: "The pages" });
    for (const item of NAV_ITEMS) expect(within(pages).getByText(item.label)).toBeTruthy();
    expect(within(pages).queryAllByText("not available yet")).toHaveLength(NAV_ITEMS.filter((i) => !i.built).length);
    for (const item of NAV_ITEMS.filter((i) => i.built)) {
      expect(within(pages).getByRole("link", { name: item.label }).getAttribute("href")).toBe(item.path);
    }
  });

  it("shows how alerts get in: Lark env, the Alertmanager receiver and the Grafana contact point", async () => {
    mockApi();
    renderApp("/help");

    const ingestion = await screen.findByRole("region", { name: "How alerts get in" });
    for (const name of ["LARK_APP_ID", "LARK_APP_SECRET", "LARK_ALERT_CHAT_ID", "BYOC_WEBHOOK_TOKEN", "BYOC_GRAFANA_HMAC_SECRET"]) {
      expect(within(ingestion).getAllByText(name, { exact: false }).length).toBeGreaterThan(0);
    }
    expect(ingestion.textContent).toContain(`url: ${window.location.origin}/api/webhooks/alertmanager`);
    expect(ingestion.textContent).toContain("type: Bearer");
    expect(ingestion.textContent).toContain(`url: ${window.location.origin}/api/webhooks/grafana`);
  });

  it("lists the keyboard shortcuts the app answers to", async () => {
    mockApi();
    renderApp("/help");

    const table = await screen.findByRole("table", { name: "Keyboard shortcuts" });
    expect(within(table).getAllByRole("row")).toHaveLength(SHORTCUTS.length);
    expect(within(table).getByText("Go to the Overview")).toBeTruthy();
  });
});
