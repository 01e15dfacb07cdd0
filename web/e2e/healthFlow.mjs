// @ts-check
// Health, risk, breaking point and usage in the browser against the real backend (tiny preset):
// what the pages show is checked against what the API answers, not against made-up numbers.
import assert from "node:assert/strict";
import { signIn } from "./flow.mjs";
import { step, waitForPath } from "./steps.mjs";

/**
 * @param {string} baseUrl
 * @param {{ email: string, password: string }} admin
 */
async function apiClient(baseUrl, admin) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(admin),
  });
  assert.equal(login.status, 200, "the admin could not sign in through the API");
  const { access_token: token } = await login.json();
  /**
   * @param {string} path
   * @param {string} [method]
   */
  return async (path, method = "GET") => {
    const response = await fetch(`${baseUrl}${path}`, { method, headers: { Authorization: `Bearer ${token}` } });
    assert.equal(response.status, 200, `${method} ${path} answered ${response.status}`);
    return response.json();
  };
}

const LEVELS = ["critical", "high", "medium", "low"];

/** @param {Record<string, number>} counts */
function levelsLabel(counts) {
  return `Risk by level: ${LEVELS.map((l) => `${l} ${counts[l] ?? 0}`).join(", ")}`;
}

/** @param {{ from: number, to: number, count: number }[]} buckets */
function histogramLabel(buckets) {
  const label = (/** @type {{ from: number, to: number }} */ b) => (b.to >= 100 ? `${b.from}–100` : `${b.from}–${b.to - 1}`);
  return `Health score histogram: ${buckets.map((b) => `${label(b)} ${b.count}`).join(", ")}`;
}

/**
 * @param {import("./flow.mjs").FlowContext} ctx
 */
export async function healthJourney(ctx) {
  const context = await ctx.newContext("health");
  const page = await context.newPage();
  const api = await apiClient(ctx.baseUrl, ctx.admin);

  await step("score the fleet now (the schedule would wait a minute)", async () => {
    const result = await api("/api/health/recompute", "POST");
    assert.ok(result.clusters > 0, `recompute scored no cluster: ${JSON.stringify(result)}`);
  });

  await step("the Overview shows risk, critical clusters, the score histogram and movers", async () => {
    const [risk, health, critical] = await Promise.all([api("/api/risk"), api("/api/health/fleet"), api("/api/critical-clusters")]);
    await page.goto(`${ctx.baseUrl}/overview`);
    await signIn(page, ctx.admin.email, ctx.admin.password);
    await waitForPath(page, (u) => u.pathname === "/overview", "/overview");
    const section = page.getByRole("region", { name: "Health and risk" });
    await section.getByRole("img", { name: levelsLabel(risk.by_level), exact: true }).waitFor();
    await section.getByRole("img", { name: /^Risk by tier: / }).waitFor();
    await section.getByRole("img", { name: histogramLabel(health.histogram), exact: true }).waitFor();
    const panel = section.getByRole("region", { name: "Critical clusters" });
    if (critical.items.length > 0) {
      const first = critical.items[0];
      const row = panel.getByRole("row").nth(1);
      await row.getByRole("link", { name: first.cluster_name ?? first.cluster_id, exact: true }).waitFor();
      await row.getByText(first.reasons[0], { exact: true }).waitFor();
    } else {
      await panel.getByText("No cluster is at critical or high risk.").waitFor();
    }
    const movers = section.getByRole("region", { name: "Movers (24 h)" });
    const drops = health.movers.drops;
    if (drops.length > 0) await movers.getByRole("list", { name: "Largest drops" }).getByRole("link", { name: drops[0].cluster_name ?? drops[0].cluster_id, exact: true }).waitFor();
    else await movers.getByText(health.compared_with ? "No score fell." : "No scores from 24 hours ago to compare with yet.").waitFor();
    await section.scrollIntoViewIfNeeded();
    await ctx.shot(page, "overview-health-risk");
  });

  await step("the cluster drawer shows the health score, its explanation and history", async () => {
    // A cluster with a score (released or suspended ones have none), else the first.
    const clusters = await api("/api/fleet/clusters?size=25");
    let id = clusters.items[0].cluster_id;
    let health = await api(`/api/health/clusters/${encodeURIComponent(id)}`);
    for (const c of clusters.items) {
      const h = await api(`/api/health/clusters/${encodeURIComponent(c.cluster_id)}`);
      if (h.latest?.score != null) {
        id = c.cluster_id;
        health = h;
        break;
      }
    }
    await page.goto(`${ctx.baseUrl}/overview/clusters/${encodeURIComponent(id)}`);
    const region = page.getByRole("dialog", { name: "Cluster detail" }).getByRole("region", { name: "Health score" });
    if (health.latest?.score != null) {
      await region.getByLabel("Health score").getByText(health.latest.score.toFixed(1), { exact: true }).waitFor();
      await region.getByRole("img", { name: /^Health score history: \d+ hours/ }).waitFor();
      if (health.latest.explanation.factors.length > 0) await region.getByRole("table", { name: "Score explanation" }).waitFor();
      else await region.getByText("Every metric stayed inside its band: no points lost.").waitFor();
      await region.getByText("Why it changed since yesterday").waitFor();
    } else {
      await region.getByText(/not been scored|no data/i).first().waitFor();
    }
    await ctx.shot(page, "cluster-detail-health");
    await page.keyboard.press("Escape");
  });

  await step("Breaking Point: back-test, nearest breaches and a forecast chart", async () => {
    const [table, backtest] = await Promise.all([
      api("/api/analysis/breaking-point?status=all&limit=50"),
      api("/api/analysis/breaking-point/backtest"),
    ]);
    await page.goto(`${ctx.baseUrl}/breaking`);
    await page.getByRole("heading", { level: 1, name: "Breaking Point", exact: true }).waitFor();
    const hitRate = backtest.overall.hit_rate === null ? "—" : `${(backtest.overall.hit_rate * 100).toFixed(1)} %`;
    await page.getByRole("region", { name: "Forecast back-test" }).getByText("Hit rate", { exact: true }).first().waitFor();
    await page.getByRole("region", { name: "Forecast back-test" }).getByText(hitRate, { exact: true }).first().waitFor();
    // Every status, so the tiny fleet (few or no breaches) still fills the table.
    await page.getByRole("group", { name: "Breaking point filters" }).getByLabel("Status").selectOption("all");
    assert.ok(table.items.length > 0, "the tiny fleet has no forecasts at all");
    const first = table.items[0];
    const rows = page.getByRole("table", { name: "Nearest breaches" }).getByRole("row");
    await rows.nth(1).getByText(first.metric_name, { exact: true }).waitFor();
    await rows.nth(1).getByRole("link", { name: first.cluster_name ?? first.cluster_id, exact: true }).waitFor();
    const chart = page.getByRole("region", { name: `Forecast: ${first.cluster_name ?? first.cluster_id}` });
    await chart.getByRole("img", { name: new RegExp(`^${first.metric_name} forecast: `) }).waitFor();
    await ctx.shot(page, "breaking-point");
  });

  await step("Usage Patterns: heat maps, percentiles and the waste lists", async () => {
    const usage = await api("/api/analysis/usage");
    await page.goto(`${ctx.baseUrl}/usage`);
    await page.getByRole("heading", { level: 1, name: "Usage Patterns", exact: true }).waitFor();
    const totals = page.getByRole("region", { name: "Waste totals" });
    await totals.getByRole("region", { name: "Clusters in scope" }).getByText(String(usage.scope.clusters), { exact: true }).waitFor();
    await page.getByRole("img", { name: /^CPU by weekday and hour \(UTC\): busiest / }).waitFor();
    await page.getByRole("img", { name: /^Query volume by weekday and hour \(UTC\): / }).waitFor();
    await page.getByRole("table", { name: "Utilization percentiles" }).waitFor();
    await page.getByRole("region", { name: `Idle clusters (${usage.idle.length})` }).waitFor();
    await page.getByRole("region", { name: `Over-provisioned clusters (${usage.over_provisioned.length})` }).waitFor();
    await ctx.shot(page, "usage-patterns");
  });

  await context.close();
}
