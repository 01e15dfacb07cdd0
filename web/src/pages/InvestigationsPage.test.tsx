import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { investigation, investigationPage } from "../test/agentFixtures";
import { features, mockApi } from "../test/mockApi";
import { jsonResponse, problemResponse } from "../test/mockFetch";
import { renderApp } from "../test/renderWithRouter";
import { testUser } from "../test/session";

const ON = features(["overview", "investigations", "patrol", "settings", "help"]);

function serve(url: URL, request: { method: string }) {
  if (url.pathname === "/api/investigations" && request.method === "POST") return jsonResponse({ ...investigation, investigation_id: "inv-new" }, 201);
  if (url.pathname === "/api/investigations") return jsonResponse(investigationPage);
  if (url.pathname.startsWith("/api/investigations/inv-") && url.pathname.endsWith("/rerun")) return jsonResponse({ ...investigation, investigation_id: "inv-again" }, 201);
  if (url.pathname.startsWith("/api/investigations/")) return jsonResponse({ ...investigation, investigation_id: url.pathname.split("/")[3] });
  return problemResponse(404, "Not Found", url.pathname);
}

describe("InvestigationsPage", () => {
  it("lists investigations with links to their report and issue, and filters by root cause on the server", async () => {
    const { urls } = mockApi(serve, { features: ON });
    renderApp("/investigations");

    // the first test of the file also waits for the lazily loaded page
    const table = await screen.findByRole("table", { name: "Investigations" }, { timeout: 10_000 });
    expect(within(table).getByRole("link", { name: "disk_capacity" }).getAttribute("href")).toBe("/investigations/inv-1");
    expect(within(table).getByRole("link", { name: "#42" }).getAttribute("href")).toBe("/issues/42");
    expect(within(table).getByText("82%")).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Root cause"), { target: { value: "be_oom" } });
    await waitFor(() => expect(urls().some((u) => u.searchParams.get("root_cause") === "be_oom")).toBe(true));
  });

  it("starts an investigation for a cluster and opens its report", async () => {
    const { requests } = mockApi(serve, { features: ON });
    const { router } = renderApp("/investigations", { as: "operator" });

    fireEvent.change(await screen.findByLabelText("Cluster id"), { target: { value: " c-001 " } });
    fireEvent.change(screen.getByLabelText("Issue id (optional)"), { target: { value: "7" } });
    fireEvent.click(screen.getByRole("button", { name: "Investigate" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/investigations/inv-new"));
    const post = requests().find((r) => r.method === "POST");
    expect(post?.body).toEqual({ cluster_id: "c-001", issue_id: 7 });
  });

  it("shows the server's reason when a start is refused", async () => {
    mockApi((url, request) => (request.method === "POST" ? problemResponse(400, "Bad Request", "No cluster with id 'c-x'.") : serve(url, request)), { features: ON });
    renderApp("/investigations");

    fireEvent.change(await screen.findByLabelText("Cluster id"), { target: { value: "c-x" } });
    fireEvent.click(screen.getByRole("button", { name: "Investigate" }));
    expect((await screen.findByRole("alert")).textContent).toContain("No cluster with id 'c-x'.");
  });

  it("offers viewers no start form", async () => {
    mockApi(serve, { features: ON, user: testUser("viewer") });
    renderApp("/investigations", { as: "viewer" });
    await screen.findByRole("table", { name: "Investigations" });
    expect(screen.queryByRole("form", { name: "Start an investigation" })).toBeNull();
  });

  it("says so when there are none", async () => {
    mockApi((url) => (url.pathname === "/api/investigations" ? jsonResponse({ items: [], page: 0, size: 25, total: 0 }) : problemResponse(404, "x", "y")), { features: ON });
    renderApp("/investigations");
    expect(await screen.findByText("No investigations")).toBeTruthy();
  });
});

describe("InvestigationReportPage", () => {
  it("shows the 8 steps, hypotheses citing evidence ids that link to the evidence, recommendations and the issue", async () => {
    mockApi(serve, { features: ON });
    renderApp("/investigations/inv-1");

    const steps = await screen.findByRole("list", { name: "Protocol steps" });
    expect(within(steps).getAllByRole("listitem")).toHaveLength(8);
    const hypotheses = screen.getByRole("list", { name: "Hypotheses" });
    expect(within(hypotheses).getByText("supported")).toBeTruthy();
    expect(within(hypotheses).getByText("refuted")).toBeTruthy();
    expect(within(hypotheses).getByRole("link", { name: "E3" }).getAttribute("href")).toBe("#evidence-E3");
    expect(document.getElementById("evidence-E3")?.textContent).toContain("disk 93%");
    expect(screen.getByText("Add BE disk or drop old partitions.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "#42" }).getAttribute("href")).toBe("/issues/42");
    // alert text is shown as text, never as markup
    expect(document.querySelector("b")).toBeNull();
  });

  it("re-runs and opens the new report", async () => {
    const { requests } = mockApi(serve, { features: ON });
    const { router } = renderApp("/investigations/inv-1", { as: "operator" });

    fireEvent.click(await screen.findByRole("button", { name: "Re-run" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/investigations/inv-again"));
    expect(requests().some((r) => r.method === "POST" && r.url.pathname === "/api/investigations/inv-1/rerun")).toBe(true);
  });

  it("says a failed investigation failed, with its error, and links its issue", async () => {
    mockApi((url) => (url.pathname === "/api/investigations/inv-f"
      ? jsonResponse({ ...investigation, investigation_id: "inv-f", status: "failed", error: "store unavailable", root_cause: null,
        confidence: null, summary: null, hypotheses: [], evidence: [], recommendations: [], steps: [] })
      : problemResponse(404, "x", "y")), { features: ON });
    renderApp("/investigations/inv-f");

    expect(await screen.findByText("The investigation failed: store unavailable")).toBeTruthy();
    expect(screen.getByRole("link", { name: "#42" }).getAttribute("href")).toBe("/issues/42");
  });

  it("shows a missing investigation's error", async () => {
    mockApi((url) => (url.pathname === "/api/investigations/nope" ? problemResponse(404, "Not Found", "No investigation with id 'nope'.") : problemResponse(404, "x", "y")), { features: ON });
    renderApp("/investigations/nope");
    expect((await screen.findByRole("alert")).textContent).toContain("No investigation with id 'nope'.");
  });
});
