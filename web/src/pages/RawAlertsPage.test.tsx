import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AlertDetail, AlertSummary, IngestRun } from "../features/alerts/alertTypes";
import type { Role } from "../shared/auth/session";
import { features, mockApi } from "../test/mockApi";
import { jsonResponse, problemResponse, type RecordedRequest } from "../test/mockFetch";
import { renderApp } from "../test/renderWithRouter";

const ON = features(["overview", "raw_alerts", "settings", "help"]);

function summary(i: number, overrides: Partial<AlertSummary> = {}): AlertSummary {
  return {
    message_id: `m${i}`,
    source: "grafana",
    status: "firing",
    severity: "critical",
    alert_name: `Data Disk ${i}`,
    cluster_id: "c-1",
    cluster_name: "sr-prod-01",
    org_id: "org-1",
    tier: "S",
    cluster_ref: "sr-prod-01",
    node: "10.0.0.11:8040",
    summary: "Disk 91% full",
    starts_at: "2026-11-29T03:58:00",
    ends_at: null,
    received_at: "2026-11-29T04:00:00",
    parse_status: "parsed",
    parse_error: null,
    fingerprint: `fp-${i}`,
    issue_id: null,
    ...overrides,
  };
}

const DETAIL: AlertDetail = {
  ...summary(1),
  source_message_id: null,
  alert_id: "fp-1",
  description: "Data disk above 90%",
  labels: { alertname: "Data Disk", cluster: "sr-prod-01" },
  annotations: { summary: "Disk 91% full" },
  generator_url: "http://grafana.local/alerting/1",
  ingest_run_id: "webhook-grafana-2026112904-x",
  raw_payload: '{"status":"firing","annotations":{"summary":"<b>Disk</b> 91% full"}}',
};

const RUN: IngestRun = {
  run_id: "r-1",
  kind: "lark_pipeline",
  window_from: "2026-11-28T00:00:00Z",
  window_to: "2026-11-29T00:00:00Z",
  started_at: "2026-11-29T01:30:00Z",
  finished_at: "2026-11-29T01:30:05Z",
  status: "succeeded",
  pages: 3,
  messages: 140,
  alerts_inserted: 97,
  duplicates: 12,
  unparsed: 2,
  unmapped: 1,
  error: null,
  requested_by: "schedule",
};

function serve(post: (request: RecordedRequest) => Response = () => jsonResponse({ ...RUN, run_id: "r-2" }, 201), user?: Role) {
  return mockApi(
    (url, request) => {
      if (url.pathname === "/api/alerts") return jsonResponse({ items: [summary(1), summary(2)], page: 0, size: 50, total: 2 });
      if (url.pathname === "/api/alerts/m1") return jsonResponse(DETAIL);
      if (url.pathname === "/api/ingest/lark/runs" && request.method === "POST") return post(request);
      if (url.pathname === "/api/ingest/lark/runs") return jsonResponse([RUN]);
      return problemResponse(404, "Not Found", url.pathname);
    },
    { features: ON, user: user ? { user_id: "u", email: `${user}@x`, display_name: user, role: user } : undefined },
  );
}

/** The page is loaded on demand; its first import in a test file can take a few seconds. */
const LAZY = { timeout: 10_000 };

function alertRequests(urls: () => URL[]): Record<string, string>[] {
  return urls()
    .filter((u) => u.pathname === "/api/alerts")
    .map((u) => Object.fromEntries(u.searchParams));
}

describe("RawAlertsPage", () => {
  it("asks for the filters the URL holds and keeps filter changes in the URL", async () => {
    const { urls } = serve();
    const { router } = renderApp("/raw-alerts?source=grafana&tier=S&sort=severity,asc");

    expect(await screen.findByRole("link", { name: "Data Disk 1" }, LAZY)).toBeTruthy();
    expect(alertRequests(urls).at(-1)).toEqual({ page: "0", size: "50", sort: "severity,asc", source: "grafana", tier: "S" });
    expect((screen.getByLabelText("Source") as HTMLSelectElement).value).toBe("grafana");

    fireEvent.change(screen.getByLabelText("Severity"), { target: { value: "critical" } });
    await waitFor(() => expect(alertRequests(urls).at(-1)).toMatchObject({ severity: "critical", source: "grafana" }));
    expect(router.state.location.search).toContain("severity=critical");

    fireEvent.click(screen.getByRole("checkbox", { name: "Unparsed only" }));
    await waitFor(() => expect(alertRequests(urls).at(-1)).toMatchObject({ unparsed: "true" }));

    fireEvent.change(screen.getByRole("searchbox", { name: "Search" }), { target: { value: "disk" } });
    await waitFor(() => expect(alertRequests(urls).at(-1)).toMatchObject({ q: "disk" }));
    expect(router.state.location.search).toContain("q=disk");

    // a picked window stays while the page re-renders and more filters follow
    fireEvent.change(screen.getByLabelText("Received"), { target: { value: "7d" } });
    await waitFor(() => expect(alertRequests(urls).at(-1)?.from).toBeTruthy());
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "firing" } });
    await waitFor(() => expect(alertRequests(urls).at(-1)).toMatchObject({ status: "firing", q: "disk", severity: "critical" }));
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toMatchObject({
      window: "7d",
      status: "firing",
      severity: "critical",
      unparsed: "true",
      q: "disk",
      source: "grafana",
    });

    fireEvent.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(router.state.location.search).toBe("?sort=severity%2Casc"));
  });

  it("keeps both of two filters picked one right after the other", async () => {
    const { urls } = serve();
    const { router } = renderApp("/raw-alerts");
    await screen.findByRole("link", { name: "Data Disk 1" }, LAZY);
    fireEvent.change(screen.getByLabelText("Source"), { target: { value: "alertmanager" } });
    fireEvent.change(screen.getByLabelText("Received"), { target: { value: "7d" } });
    await waitFor(() => expect(alertRequests(urls).at(-1)).toMatchObject({ source: "alertmanager" }));
    expect(alertRequests(urls).at(-1)?.from).toBeTruthy();
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({ source: "alertmanager", window: "7d" });
  });

  it("a click on a cluster shows only that cluster's alerts", async () => {
    const { urls } = serve();
    renderApp("/raw-alerts");
    await screen.findByRole("link", { name: "Data Disk 1" }, LAZY);
    fireEvent.click(within(screen.getByRole("table", { name: "Alerts" })).getAllByRole("button", { name: "sr-prod-01" })[0]);
    await waitFor(() => expect(alertRequests(urls).at(-1)).toMatchObject({ cluster_id: "c-1" }));
    expect((screen.getByLabelText("Cluster id") as HTMLInputElement).value).toBe("c-1");
  });

  it("opens an alert's detail with labels and the raw payload as text, and closing keeps the filters", async () => {
    serve();
    const { router } = renderApp("/raw-alerts?source=grafana");
    fireEvent.click(await screen.findByRole("link", { name: "Data Disk 1" }, LAZY));

    const drawer = await screen.findByRole("dialog", { name: "Alert detail" });
    expect(router.state.location.pathname).toBe("/raw-alerts/m1");
    expect(await within(drawer).findByRole("heading", { name: "Data Disk 1" })).toBeTruthy();
    const labels = within(drawer).getByRole("region", { name: "Labels" });
    expect(within(labels).getByText("cluster")).toBeTruthy();
    const raw = within(drawer).getByLabelText("Raw payload text");
    expect(raw.textContent).toBe('{\n  "status": "firing",\n  "annotations": {\n    "summary": "<b>Disk</b> 91% full"\n  }\n}');
    // untrusted markup stays text
    expect(raw.querySelector("b")).toBeNull();

    fireEvent.keyDown(window, { key: "Escape" });
    await waitFor(() => expect(router.state.location.pathname).toBe("/raw-alerts"));
    expect(router.state.location.search).toBe("?source=grafana");
  });

  it("shows the ingestion runs and lets an operator run the pipeline over a window", async () => {
    const { requests } = serve(undefined, "operator");
    renderApp("/raw-alerts", { as: "operator" });

    const runs = await screen.findByRole("table", { name: "Ingestion runs" }, LAZY);
    const row = within(runs).getAllByRole("row")[1];
    expect(within(row).getByText("pipeline")).toBeTruthy();
    expect(within(row).getByText("97")).toBeTruthy();
    expect(within(row).getByText("12")).toBeTruthy();
    expect(within(row).getByText("succeeded")).toBeTruthy();

    const form = screen.getByRole("form", { name: "Run the Lark pipeline" });
    fireEvent.change(within(form).getByLabelText("From"), { target: { value: "2026-11-28T00:00" } });
    fireEvent.change(within(form).getByLabelText("To"), { target: { value: "2026-11-29T00:00" } });
    fireEvent.click(within(form).getByRole("button", { name: "Run now" }));
    expect(await screen.findByText("Lark pipeline run finished")).toBeTruthy();
    const post = requests().find((r) => r.method === "POST" && r.url.pathname === "/api/ingest/lark/runs");
    expect(post?.body).toEqual({
      from: new Date("2026-11-28T00:00").toISOString(),
      to: new Date("2026-11-29T00:00").toISOString(),
    });
  });

  it("says why a run could not start", async () => {
    serve(() => problemResponse(409, "Conflict", "Lark is not configured: set LARK_APP_ID"), "admin");
    renderApp("/raw-alerts");
    fireEvent.click(await screen.findByRole("button", { name: "Run now" }, LAZY));
    expect(await screen.findByText("Lark is not configured: set LARK_APP_ID")).toBeTruthy();
  });

  it("offers no run button to viewers", async () => {
    serve(undefined, "viewer");
    renderApp("/raw-alerts", { as: "viewer" });
    await screen.findByRole("table", { name: "Ingestion runs" }, LAZY);
    expect(screen.queryByRole("button", { name: "Run now" })).toBeNull();
  });

  it("shows the server's problem when the list fails", async () => {
    mockApi(
      (url) =>
        url.pathname === "/api/alerts"
          ? problemResponse(400, "Bad Request", "to must be later than from")
          : jsonResponse([]),
      { features: ON },
    );
    renderApp("/raw-alerts");
    expect(await screen.findByText("to must be later than from", {}, LAZY)).toBeTruthy();
    expect(await screen.findByText(/No Lark pipeline or loader run yet/)).toBeTruthy();
  });
});
