import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { patrolDiff, patrolPage, patrolReport } from "../test/agentFixtures";
import { features, mockApi } from "../test/mockApi";
import { jsonResponse, problemResponse } from "../test/mockFetch";
import { renderApp } from "../test/renderWithRouter";
import { testUser } from "../test/session";

const ON = features(["overview", "investigations", "patrol", "settings", "help"]);

describe("PatrolPage", () => {
  it("runs a patrol now, follows its progress until done and links the report", async () => {
    let polls = 0;
    const { requests } = mockApi((url, request) => {
      if (url.pathname === "/api/patrol" && request.method === "POST") {
        return jsonResponse(patrolReport({ report_id: "p-3", status: "running", findings: { ...patrolReport().findings, progress: { step: 0, of: 8, label: "starting" } } }), 202);
      }
      if (url.pathname === "/api/patrol") return jsonResponse(patrolPage);
      if (url.pathname === "/api/patrol/p-3") {
        polls++;
        return jsonResponse(polls === 1
          ? patrolReport({ report_id: "p-3", status: "running", findings: { ...patrolReport().findings, progress: { step: 3, of: 8, label: "clusters in trouble" } } })
          : patrolReport({ report_id: "p-3" }));
      }
      return problemResponse(404, "Not Found", url.pathname);
    }, { features: ON });
    renderApp("/patrol", { as: "operator" });

    // the first test of the file also waits for the lazily loaded page
    await screen.findByRole("table", { name: "Patrol reports" }, { timeout: 10_000 });
    fireEvent.click(screen.getByRole("button", { name: "Run now" }));

    expect((await screen.findByText(/Step 3 of 8: clusters in trouble/)).textContent).toContain("Step 3 of 8");
    const open = await screen.findByRole("link", { name: "Open the report" }, { timeout: 4000 });
    expect(open.getAttribute("href")).toBe("/patrol/p-3");
    expect(requests().filter((r) => r.method === "POST").map((r) => r.url.pathname)).toEqual(["/api/patrol"]);
  });

  it("lists reports with links, and offers viewers no run button", async () => {
    mockApi((url) => (url.pathname === "/api/patrol" ? jsonResponse(patrolPage) : problemResponse(404, "x", "y")), { features: ON, user: testUser("viewer") });
    renderApp("/patrol", { as: "viewer" });

    const table = await screen.findByRole("table", { name: "Patrol reports" });
    expect(within(table).getByRole("link").getAttribute("href")).toBe("/patrol/p-2");
    expect(screen.queryByRole("button", { name: "Run now" })).toBeNull();
  });

  it("shows the server's error", async () => {
    mockApi(() => problemResponse(503, "Service Unavailable", "The store is down."), { features: ON });
    renderApp("/patrol");
    expect((await screen.findByRole("alert")).textContent).toContain("The store is down.");
  });
});

describe("PatrolReportPage", () => {
  it("shows the troubled clusters with reasons and the diff with the previous report", async () => {
    mockApi((url) => {
      if (url.pathname === "/api/patrol/p-2") return jsonResponse(patrolReport());
      if (url.pathname === "/api/patrol/p-2/diff") return jsonResponse(patrolDiff);
      return problemResponse(404, "x", "y");
    }, { features: ON });
    renderApp("/patrol/p-2");

    const trouble = await screen.findByRole("list", { name: "Clusters in trouble" });
    expect(within(trouble).getByText("disk 93% full")).toBeTruthy();
    const changes = await screen.findByLabelText("Changes");
    expect(changes.textContent).toContain("critical +1, low -1");
    expect(within(changes).getByRole("link", { name: "c-004" })).toBeTruthy();
    expect(changes.textContent).toContain("-2.5");
    await waitFor(() => expect(within(changes).getAllByRole("link")[0].getAttribute("href")).toBe("/patrol/p-1"));
  });
});
