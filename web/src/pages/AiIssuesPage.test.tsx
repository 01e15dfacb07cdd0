import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AiIssue } from "../features/aiIssues/aiIssueTypes";
import { features, mockApi } from "../test/mockApi";
import { jsonResponse, problemResponse } from "../test/mockFetch";
import { renderApp } from "../test/renderWithRouter";

const group: AiIssue = {
  ai_issue_id: "ai-0123456789abcdef", title: "Disk capacity across 2 clusters on StarRocks 3.3.2", alert_family: "disk",
  severity: "critical", summary: "2 clusters (a, b) raised disk capacity alerts", summary_source: "template",
  suggested_next_step: "Check 'Disk full' (gl-disk).", knowledge_doc_ids: ["gl-disk"], clusters: ["a", "b"],
  issue_ids: [11, 12], shared_attributes: { version: "3.3.2" }, evidence: { rule: "same family", alert_names: ["Data Disk"] },
  first_seen: "2026-11-28T10:00:00", last_seen: "2026-11-28T12:00:00", computed_at: "2026-11-28T13:00:00", active: true,
  input_tokens: null, output_tokens: null,
};

describe("AiIssuesPage", () => {
  it("shows each group with its clusters, shared attributes and next step, and recomputes on demand", async () => {
    const { requests } = mockApi((url, request) => {
      if (url.pathname === "/api/ai-issues") return jsonResponse([group]);
      if (url.pathname === "/api/ai-issues/recompute" && request.method === "POST")
        return jsonResponse({ computed_at: "2026-11-28T13:00:00", candidates: 40, groups: 1 });
      return problemResponse(404, "Not Found", url.pathname);
    }, { features: features(["overview", "issues", "ai_issues", "settings", "help"]) });
    renderApp("/ai-issues");

    expect(await screen.findByRole("heading", { level: 2, name: group.title })).toBeTruthy();
    expect(screen.getByText("StarRocks 3.3.2")).toBeTruthy();
    expect(screen.getByText("Check 'Disk full' (gl-disk).")).toBeTruthy();
    expect(screen.getByRole("link", { name: "#11" }).getAttribute("href")).toBe("/issues/11");

    fireEvent.click(screen.getByRole("button", { name: "Recompute now" }));
    await waitFor(() => expect(requests().some((r) => r.url.pathname === "/api/ai-issues/recompute")).toBe(true));
    expect(await screen.findByText("Found 1 pattern in 40 issues")).toBeTruthy();
  });
});
