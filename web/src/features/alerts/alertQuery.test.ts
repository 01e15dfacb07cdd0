import { describe, expect, it } from "vitest";
import { alertQueryFromSearch, alertQueryToSearch, DEFAULT_ALERT_QUERY, hasActiveAlertFilters, toAlertParams } from "./alertQuery";

const NOW = new Date("2026-11-29T05:30:45Z");

describe("alertQuery", () => {
  it("reads every filter, the sort and the page from the URL and writes them back the same", () => {
    const search = new URLSearchParams(
      "window=24h&source=grafana&status=firing&severity=critical&cluster_id=c-1&org_id=org-1&tier=S&q=disk&unparsed=true&sort=severity%2Casc&size=100&page=2",
    );
    const query = alertQueryFromSearch(search);
    expect(query).toEqual({
      page: 2,
      size: 100,
      sort: { field: "severity", direction: "asc" },
      filters: {
        window: "24h",
        from: "",
        to: "",
        source: "grafana",
        status: "firing",
        severity: "critical",
        cluster_id: "c-1",
        org_id: "org-1",
        tier: "S",
        q: "disk",
        unparsed: true,
      },
    });
    expect(Object.fromEntries(alertQueryToSearch(query))).toEqual(Object.fromEntries(search));
  });

  it("drops values the page does not offer instead of sending them", () => {
    const query = alertQueryFromSearch(
      new URLSearchParams("window=9y&source=<script>&severity=fatal&tier=Z&sort=password,desc&size=7&page=-3&unparsed=yes"),
    );
    expect(query).toEqual(DEFAULT_ALERT_QUERY);
    expect(alertQueryToSearch(query).toString()).toBe("");
    expect(hasActiveAlertFilters(query.filters)).toBe(false);
  });

  it("sends a relative window as a start time rounded to the minute, and no empty filters", () => {
    const query = alertQueryFromSearch(new URLSearchParams("window=1h&severity=warning"));
    expect(toAlertParams(query, NOW)).toMatchObject({
      page: 0,
      size: 50,
      sort: "received_at,desc",
      from: "2026-11-29T04:30:00.000Z",
      to: "",
      severity: "warning",
      unparsed: undefined,
    });
    expect(toAlertParams(DEFAULT_ALERT_QUERY, NOW).from).toBe("");
  });

  it("sends a custom window's browser times as instants and ignores its bounds for other windows", () => {
    const custom = alertQueryFromSearch(new URLSearchParams("window=custom&from=2026-11-28T10:00&to=garbage"));
    const params = toAlertParams(custom, NOW);
    expect(params.from).toBe(new Date("2026-11-28T10:00").toISOString());
    expect(params.to).toBe("");
    expect(alertQueryFromSearch(new URLSearchParams("window=7d&from=2026-11-28T10:00")).filters.from).toBe("");
  });
});
