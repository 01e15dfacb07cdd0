import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { emptyUnconfiguredReport, usageReport } from "../features/llmUsage/llmUsageFixtures";
import { mockApi } from "../test/mockApi";
import { jsonResponse, problemResponse } from "../test/mockFetch";
import { renderApp } from "../test/renderWithRouter";

function card(label: string): HTMLElement {
  return within(screen.getByRole("region", { name: "Usage totals" })).getByRole("region", { name: label });
}

describe("LlmUsagePage", () => {
  it("shows totals, daily charts by agent or model, and the top consumers", async () => {
    const calls = mockApi((url) => (url.pathname === "/api/llm-usage" ? jsonResponse(usageReport) : problemResponse(404, "Not Found", "no handler")));
    renderApp("/llm-usage");

    expect(await screen.findByText("claude-sonnet-4-5")).toBeTruthy();
    expect(within(card("Model calls")).getByText("5")).toBeTruthy();
    expect(within(card("Model calls")).getByText("1 failed")).toBeTruthy();
    expect(within(card("Tokens")).getByText("8,100")).toBeTruthy();
    expect(within(card("Cost")).getByText("$0.0345")).toBeTruthy();
    expect(within(card("Cost")).getByText("1 calls of unpriced models")).toBeTruthy();

    expect(await screen.findByRole("img", { name: "Tokens by day and agent: investigator 3800, patrol 4300" })).toBeTruthy();
    fireEvent.click(screen.getAllByRole("button", { name: "by model" })[0]);
    expect(await screen.findByRole("img", { name: /^Cost by day and model: anthropic\/claude-sonnet-4-5 \$0\.0137/ })).toBeTruthy();

    const top = screen.getByRole("table", { name: "Top consumers" });
    expect(within(top).getByText("pat-42")).toBeTruthy();
    expect(within(top).getByText("inv-7")).toBeTruthy();
    const clusters = screen.getByRole("table", { name: "Usage by cluster" });
    expect(within(clusters).getByRole("link", { name: "prod-warehouse (c-0001)" }).getAttribute("href")).toBe("/overview/clusters/c-0001");

    const request = calls.requests().find((r) => r.url.pathname === "/api/llm-usage");
    expect(request?.url.searchParams.get("from")).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it("lets an admin check the connection, which records a call and refreshes the report", async () => {
    let checked = false;
    const calls = mockApi((url, request) => {
      if (url.pathname === "/api/llm/check" && request.method === "POST") {
        checked = true;
        return jsonResponse({ ok: true, provider: "anthropic", model: "claude-sonnet-4-5-20250929", latency_ms: 420, error: null });
      }
      if (url.pathname === "/api/llm-usage") return jsonResponse(checked ? usageReport : { ...usageReport, totals: { ...usageReport.totals, calls: 0 } });
      return problemResponse(404, "Not Found", "no handler");
    });
    renderApp("/llm-usage");

    expect(await screen.findByText("No model calls in the last 30 days")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Check connection" }));

    expect(await screen.findByText("claude-sonnet-4-5-20250929 answered")).toBeTruthy();
    expect(await screen.findByRole("region", { name: "Usage totals" })).toBeTruthy();
    expect(calls.requests().filter((r) => r.url.pathname === "/api/llm-usage")).toHaveLength(2);
  });

  it("explains that no provider is configured and what to set when there is no usage", async () => {
    mockApi((url) => (url.pathname === "/api/llm-usage" ? jsonResponse(emptyUnconfiguredReport) : problemResponse(404, "Not Found", "no handler")));
    renderApp("/llm-usage");

    expect(await screen.findByText("No LLM provider is configured")).toBeTruthy();
    expect(screen.getByText(/BYOC_LLM_PROVIDER is none/)).toBeTruthy();
    expect(screen.getAllByText("BYOC_LLM_API_KEY").length).toBeGreaterThan(0);
    expect(screen.queryByRole("region", { name: "Usage totals" })).toBeNull();
  });

  it("asks for another window and shows the problem detail of a failed request", async () => {
    mockApi((url) =>
      url.pathname === "/api/llm-usage" && url.searchParams.get("from")?.length === 10 && url.searchParams.has("to")
        ? problemResponse(400, "Bad Request", "from must be before to")
        : problemResponse(404, "Not Found", "no handler"),
    );
    renderApp("/llm-usage");

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("from must be before to")).toBeTruthy();
    fireEvent.change(screen.getByRole("combobox"), { target: { value: "7" } });
    expect((screen.getByRole("combobox") as HTMLSelectElement).value).toBe("7");
  });
});
