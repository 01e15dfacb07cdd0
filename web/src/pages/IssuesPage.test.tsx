import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { IssueDetail, IssueSummary } from "../features/issues/issueTypes";
import { defaultPreferences, features, mockApi } from "../test/mockApi";
import { jsonResponse, mockFetch, problemResponse } from "../test/mockFetch";
import { renderApp } from "../test/renderWithRouter";
import { testUser } from "../test/session";

const issue = (id: number, overrides: Partial<IssueSummary> = {}): IssueSummary => ({
  issue_id: id, title: `Data Disk on c-${id}`, cluster_id: `c-${id}`, cluster_name: `cluster-${id}`, org_name: "Acme",
  tier: "S", alert_name: "Data Disk", severity: "critical", status: "open", assignee: null,
  first_seen: "2026-11-28T10:00:00", last_seen: "2026-11-28T11:00:00", resolved_at: null, silenced_until: null,
  alert_count: 2, firing_count: 1, reopen_count: 0, merged_into: null, ...overrides,
});

const detail = (summary: IssueSummary, events: IssueDetail["events"] = []): IssueDetail => ({
  issue: summary, summary: "Disk almost full", grouping_key: "cluster=c-1|alert_name=Data Disk", affected_nodes: ["be-1"],
  fingerprints: ["f1"], acknowledged_at: null, closed_at: null,
  explanation: { why_grouped: "Every firing alert with the same cluster + alert name joins this issue" },
  alerts: [{ message_id: "m1", status: "firing", severity: "critical", alert_name: "Data Disk", node: "be-1", fingerprint: "f1", instance_key: "f1@x", event_at: "2026-11-28T10:00:00" }],
  events: [{ event_id: "e1", event_type: "opened", actor: "system", created_at: "2026-11-28T10:00:00", from_status: null, to_status: "open", note: "Opened by a firing alert", details: {} }, ...events],
  related: [], health_at_start: 71.5, health_now: 55, investigations: [], ai_issue_id: null,
});

const on = { features: features(["overview", "issues", "settings", "help"]) };

describe("IssuesPage", () => {
  // (the app's 30 s staleTime then serves the page from that answer; the tests' client, staleTime 0, asks again)
  it("asks for the first issue page while the shell still waits for the preferences", async () => {
    let answerPreferences: () => void = () => {};
    const preferences = new Promise<Response>((resolve) => {
      answerPreferences = () => resolve(jsonResponse(defaultPreferences));
    });
    const { requests } = mockFetch((url) => {
      if (url.pathname === "/api/features") return jsonResponse(on.features);
      if (url.pathname === "/api/auth/me") return jsonResponse(testUser("admin"));
      if (url.pathname === "/api/settings/preferences") return preferences;
      if (url.pathname === "/api/issues") return jsonResponse({ items: [issue(1)], page: 0, size: 50, total: 1 });
      return problemResponse(404, "Not Found", url.pathname);
    });
    renderApp("/issues?severity=critical");

    const issueCalls = () => requests().filter((r) => r.url.pathname === "/api/issues");
    await waitFor(() => expect(issueCalls()).toHaveLength(1));
    expect(screen.queryByRole("table", { name: "Issues" })).toBeNull();
    expect(issueCalls()[0].url.searchParams.get("status")).toBe("active");
    expect(issueCalls()[0].url.searchParams.get("severity")).toBe("critical");

    answerPreferences();
    expect(await screen.findByRole("table", { name: "Issues" })).toBeTruthy();
  });

  it("lists issues with the filters sent to the server and triages the selected ones in bulk", async () => {
    const { requests } = mockApi((url, request) => {
      if (url.pathname === "/api/issues/bulk") {
        const body = request.body as { issue_ids: number[] };
        return jsonResponse(body.issue_ids.map((id) => issue(id, { status: "acknowledged" })));
      }
      return problemResponse(404, "Not Found", url.pathname);
    }, { ...on, issues: { items: [issue(1), issue(2)], page: 0, size: 50, total: 2 } });
    renderApp("/issues");

    const table = await screen.findByRole("table", { name: "Issues" });
    expect(within(table).getAllByText("Data Disk")).toHaveLength(2);
    fireEvent.change(screen.getByLabelText("Severity"), { target: { value: "critical" } });
    await waitFor(() => expect(requests().some((r) => r.url.pathname === "/api/issues" && r.url.searchParams.get("severity") === "critical")).toBe(true));
    expect(requests().find((r) => r.url.pathname === "/api/issues")?.url.searchParams.get("status")).toBe("active");

    fireEvent.click(screen.getByLabelText("Select all issues on this page"));
    fireEvent.click(within(screen.getByRole("toolbar", { name: "Bulk triage" })).getByRole("button", { name: "Acknowledge" }));
    await waitFor(() => expect(requests().some((r) => r.url.pathname === "/api/issues/bulk")).toBe(true));
    expect(requests().find((r) => r.url.pathname === "/api/issues/bulk")?.body).toEqual({ issue_ids: [1, 2], action: "acknowledge" });
  });

  it("shows an issue with its explanation, timeline and events, and posts a comment", async () => {
    let current = detail(issue(1));
    const { requests } = mockApi((url, request) => {
      if (url.pathname === "/api/issues/1/comment") {
        const note = (request.body as { note: string }).note;
        current = detail(issue(1), [{ event_id: "e2", event_type: "comment", actor: "admin@example.com", created_at: "2026-11-28T12:00:00", from_status: null, to_status: null, note, details: {} }]);
        return jsonResponse(current);
      }
      if (url.pathname === "/api/issues/1") return jsonResponse(current);
      return problemResponse(404, "Not Found", url.pathname);
    }, on);
    renderApp("/issues/1");

    expect(await screen.findByRole("heading", { level: 1, name: "Data Disk on c-1" })).toBeTruthy();
    expect(screen.getByText(/same cluster \+ alert name/)).toBeTruthy();
    expect(screen.getByRole("img", { name: "Alert timeline: 1 alert notices" })).toBeTruthy();
    expect(screen.getByText("No investigations of this issue yet.")).toBeTruthy();
    expect(screen.getByText("71.5")).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Comment text"), { target: { value: "disk grows 2%/h" } });
    fireEvent.click(screen.getByRole("button", { name: "Add comment" }));
    await within(await screen.findByRole("list", { name: "Comments" })).findByText("disk grows 2%/h");
    expect(requests().find((r) => r.url.pathname === "/api/issues/1/comment")?.body).toEqual({ note: "disk grows 2%/h" });
  });

  it("does not offer triage to viewers", async () => {
    mockApi((url) => (url.pathname === "/api/issues/1" ? jsonResponse(detail(issue(1))) : problemResponse(404, "Not Found", url.pathname)),
      { ...on, user: testUser("viewer") });
    renderApp("/issues/1", { as: "viewer" });
    expect(await screen.findByText("Viewers can read issues; operators triage them.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Resolve" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Investigate this issue" })).toBeNull();
  });

  it("starts an investigation of the issue's cluster tied to the issue and opens its report", async () => {
    const { requests } = mockApi((url) => {
      if (url.pathname === "/api/issues/1") return jsonResponse(detail(issue(1)));
      if (url.pathname === "/api/investigations") return jsonResponse({ investigation_id: "inv-9" });
      return problemResponse(404, "Not Found", url.pathname);
    }, { features: features(["overview", "issues", "investigations", "settings", "help"]) });
    const { router } = renderApp("/issues/1");

    fireEvent.click(await screen.findByRole("button", { name: "Investigate this issue" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/investigations/inv-9"));
    const start = requests().find((r) => r.url.pathname === "/api/investigations" && r.method === "POST");
    expect(start?.body).toEqual({ cluster_id: "c-1", issue_id: 1 });
  });

  it("shows the issue as the investigation left it when the operator comes back, with a link to the report", async () => {
    let started = false;
    const events: IssueDetail["events"] = [
      { event_id: "e2", event_type: "investigating", actor: "admin@byoc.test", created_at: "2026-11-28T10:05:00", from_status: "open",
        to_status: "investigating", note: "Investigation inv-9 started (manual).", details: { investigation_id: "inv-9" } },
    ];
    mockApi((url, request) => {
      if (url.pathname === "/api/issues/1") return jsonResponse(started ? detail(issue(1, { status: "investigating" }), events) : detail(issue(1)));
      if (url.pathname === "/api/investigations" && request.method === "POST") {
        started = true;
        return jsonResponse({ investigation_id: "inv-9" });
      }
      return problemResponse(404, "Not Found", url.pathname);
    }, { features: features(["overview", "issues", "investigations", "settings", "help"]) });
    const { router } = renderApp("/issues/1");

    fireEvent.click(await screen.findByRole("button", { name: "Investigate this issue" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/investigations/inv-9"));
    await router.navigate("/issues/1");

    const link = await screen.findByRole("link", { name: "Open the investigation" });
    expect(link.getAttribute("href")).toBe("/investigations/inv-9");
    expect((await screen.findAllByText("investigating")).length).toBeGreaterThan(0);
  });
});
