// @ts-check
// The signed-in journey through the app against a real backend: no mocks.
import assert from "node:assert/strict";
import { REPLAY_ANSWER_PIECES } from "./llmReplay.mjs";
import { formatLikeTheApp, step, waitForEveryRow, waitForPath, waitForText } from "./steps.mjs";

/** The twelve pages of DESIGN.md §8 (keep in step with src/shared/layout/navItems.ts). */
export const PAGES = [
  { key: "overview", path: "/overview", heading: "Overview" },
  { key: "issues", path: "/issues", heading: "Issues" },
  { key: "raw-alerts", path: "/raw-alerts", heading: "Raw Alerts" },
  { key: "breaking", path: "/breaking", heading: "Breaking Point" },
  { key: "usage", path: "/usage", heading: "Usage Patterns" },
  { key: "investigations", path: "/investigations", heading: "Investigations" },
  { key: "ai-issues", path: "/ai-issues", heading: "AI Issues" },
  { key: "patrol", path: "/patrol", heading: "Patrol" },
  { key: "chat", path: "/chat", heading: "Chat" },
  { key: "llm-usage", path: "/llm-usage", heading: "LLM Usage" },
  { key: "settings", path: "/settings", heading: "Settings" },
  { key: "help", path: "/help", heading: "Help" },
];

/** The tiny demo preset generates ten clusters. */
const TINY_CLUSTERS = "10";
const TIME_ZONE = "Asia/Tokyo";

/**
 * @typedef {object} FlowContext
 * @property {import("playwright-core").Browser} browser
 * @property {string} baseUrl
 * @property {{ email: string, password: string }} admin
 * @property {import("./llmReplay.mjs").LlmReplay} llm
 * @property {string} webhookToken
 * @property {(page: import("playwright-core").Page, name: string) => Promise<void>} shot
 * @property {(label: string) => Promise<import("playwright-core").BrowserContext>} newContext
 */

/**
 * @param {import("playwright-core").Page} page
 * @param {string} name
 */
function heading(page, name) {
  return page.getByRole("heading", { level: 1, name, exact: true });
}

/** @param {import("playwright-core").Page} page */
function clustersCard(page) {
  return page.getByRole("region", { name: "Fleet totals" }).getByRole("region", { name: "Clusters", exact: true });
}

/**
 * @param {import("playwright-core").Page} page
 * @param {string} email
 * @param {string} password
 */
export async function signIn(page, email, password) {
  const form = page.getByRole("form", { name: "Sign in" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password", { exact: true }).fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
}

/** @param {import("playwright-core").Page} page */
async function openUserMenu(page) {
  await page.getByRole("button", { name: /^User menu for / }).click();
}

/** @param {import("playwright-core").Page} page */
async function signOut(page) {
  await openUserMenu(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await waitForPath(page, (u) => u.pathname === "/login", "/login");
  assert.equal(await page.evaluate(() => sessionStorage.getItem("byoc.session")), null, "tokens left in sessionStorage");
}

/**
 * Sends one firing alert through the Alertmanager webhook, as a real Alertmanager would.
 * @param {FlowContext} ctx
 * @param {string} name
 * @param {{ labels?: Record<string, string>, fingerprint?: string }} [options] where it fires (default: an unmapped cluster)
 */
async function sendFiringAlert(ctx, name, { labels = { cluster: "e2e-cluster" }, fingerprint = "e2e0000000000001" } = {}) {
  const response = await fetch(`${ctx.baseUrl}/api/webhooks/alertmanager`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${ctx.webhookToken}` },
    body: JSON.stringify({
      version: "4",
      receiver: "byoc",
      status: "firing",
      groupKey: "{}:{alertname=\"e2e\"}",
      alerts: [
        {
          status: "firing",
          labels: { alertname: name, ...labels, instance: "10.9.9.9:8040", severity: "critical" },
          annotations: { summary: "Data disk above 90%" },
          startsAt: new Date().toISOString(),
          endsAt: "0001-01-01T00:00:00Z",
          fingerprint,
        },
      ],
    }),
  });
  assert.equal(response.status, 200, `the webhook answered ${response.status}: ${await response.text()}`);
}

/**
 * Opens the issue list filtered to one alert name and waits for its issue: grouping runs just after
 * the webhook answers, so the first load may come before it; the list is loaded again until it is there.
 * @param {FlowContext} ctx
 * @param {import("playwright-core").Page} page
 * @param {string} name
 */
async function openIssueOf(ctx, page, name) {
  const link = page.getByRole("table", { name: "Issues" }).getByRole("link", { name });
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${ctx.baseUrl}/issues?q=${encodeURIComponent(name).replace(/%20/g, "+")}`);
    try {
      await link.waitFor({ timeout: 5_000 });
      break;
    } catch (e) {
      if (attempt >= 6) throw e;
    }
  }
  await link.click();
}

/**
 * Pages a signed-out visitor can see; these work against any backend that serves the web app.
 * @param {FlowContext} ctx
 */
export async function signedOutPages(ctx) {
  const context = await ctx.newContext("visitor");
  const page = await context.newPage();

  await step("a deep link while signed out goes to the login page", async () => {
    await page.goto(`${ctx.baseUrl}/issues/42`);
    await waitForPath(page, (u) => u.pathname === "/login" && u.searchParams.get("next") === "/issues/42", "/login?next=/issues/42");
    await page.getByRole("form", { name: "Sign in" }).waitFor();
    await ctx.shot(page, "login");
  });

  await step("the activation page asks for a password", async () => {
    await page.goto(`${ctx.baseUrl}/activate?token=not-a-real-token`);
    await page.getByRole("form", { name: "Activate account" }).waitFor();
    await ctx.shot(page, "activate");
    await page.goto(`${ctx.baseUrl}/activate`);
    await page.getByText("This activation link is incomplete.").waitFor();
  });

  await context.close();
}

/**
 * The whole signed-in journey: admin, invited user, every page.
 * @param {FlowContext} ctx
 */
export async function signedInJourney(ctx) {
  const admin = await ctx.newContext("admin");
  const page = await admin.newPage();
  const invitee = { email: "viewer@example.com", name: "E2E Viewer", password: "an e2e passphrase 42" };
  let activationLink = "";

  await step("sign in as the first admin", async () => {
    await page.goto(`${ctx.baseUrl}/overview`);
    await waitForPath(page, (u) => u.pathname === "/login", "/login");
    await signIn(page, ctx.admin.email, ctx.admin.password);
    await waitForPath(page, (u) => u.pathname === "/overview", "/overview");
  });

  await step("the Overview shows the demo fleet", async () => {
    await heading(page, "Overview").waitFor();
    await clustersCard(page).getByText(TINY_CLUSTERS, { exact: true }).waitFor();
    await page.getByRole("table", { name: "Clusters" }).getByRole("link").first().waitFor();
    await page.getByRole("img", { name: /^Clusters by state:/ }).waitFor();
    await ctx.shot(page, "overview-signed-in");
  });

  await step("open a cluster, reload its address, close it", async () => {
    const link = page.getByRole("table", { name: "Clusters" }).getByRole("link").first();
    const name = (await link.textContent())?.trim() ?? "";
    await link.click();
    await waitForPath(page, (u) => u.pathname.startsWith("/overview/clusters/"), "/overview/clusters/<id>");
    const drawer = page.getByRole("dialog", { name: "Cluster detail" });
    await drawer.getByRole("heading", { name, exact: true }).waitFor();
    await drawer.getByRole("region", { name: "Latest metrics" }).waitFor();
    await ctx.shot(page, "cluster-detail");

    // A deep link survives a reload: the server answers index.html and the session is kept.
    await page.reload();
    await page.getByRole("dialog", { name: "Cluster detail" }).getByRole("heading", { name, exact: true }).waitFor();
    await page.keyboard.press("Escape");
    await waitForPath(page, (u) => u.pathname === "/overview", "/overview");
  });

  await step("raw alerts: filter, open an alert and read its raw payload", async () => {
    await page.goto(`${ctx.baseUrl}/raw-alerts`);
    await heading(page, "Raw Alerts").waitFor();
    const table = page.getByRole("table", { name: "Alerts" });
    await table.getByRole("link").first().waitFor();

    // The demo's Alertmanager bodies went through the webhook intake: filter to them.
    await page.getByLabel("Source").selectOption("alertmanager");
    await waitForPath(page, (u) => u.pathname === "/raw-alerts" && u.searchParams.get("source") === "alertmanager", "/raw-alerts?source=alertmanager");
    await page.getByLabel("Received").selectOption("7d");
    await waitForPath(page, (u) => u.searchParams.get("window") === "7d", "/raw-alerts?…window=7d");
    await waitForEveryRow(table, (t) => t.includes("alertmanager"), "from alertmanager");

    const link = table.getByRole("link").first();
    const name = (await link.textContent())?.trim() ?? "";
    await link.click();
    await waitForPath(page, (u) => u.pathname.startsWith("/raw-alerts/") && u.searchParams.get("source") === "alertmanager", "/raw-alerts/<id>?source=alertmanager");
    const drawer = page.getByRole("dialog", { name: "Alert detail" });
    await drawer.getByRole("heading", { name, exact: true }).waitFor();
    await drawer.getByRole("region", { name: "Labels" }).getByText("alertname", { exact: true }).waitFor();
    const raw = drawer.getByLabel("Raw payload text");
    await waitForText(raw, '"fingerprint": "');
    await waitForText(raw, `"alertname": "${name}"`);
    await raw.scrollIntoViewIfNeeded();
    await ctx.shot(page, "raw-alert-detail");

    // The run history lists the loader run that brought the demo's Lark pages in.
    await page.keyboard.press("Escape");
    await waitForPath(
      page,
      (u) => u.pathname === "/raw-alerts" && u.searchParams.get("source") === "alertmanager" && u.searchParams.get("window") === "7d",
      "/raw-alerts?source=alertmanager&window=7d",
    );
    assert.equal(await page.getByLabel("Received").inputValue(), "7d", "the window filter did not stay");
    await waitForText(page.getByRole("table", { name: "Ingestion runs" }), "loader");
    await ctx.shot(page, "raw-alerts-filtered");
  });

  await step("preferences: time zone and dark theme are applied after a reload", async () => {
    await page.goto(`${ctx.baseUrl}/settings`);
    const form = page.getByRole("form", { name: "Preferences" });
    await form.getByLabel(/Time zone/).selectOption(TIME_ZONE);
    await form.getByRole("radio", { name: "Dark" }).click();
    await form.getByRole("button", { name: "Save preferences" }).click();
    await page.getByText("Preferences saved").waitFor();

    // Forget the locally remembered theme, so only the saved preference can make the reload dark.
    await page.evaluate(() => localStorage.removeItem("byoc.theme"));
    await page.reload();
    await page.getByRole("form", { name: "Preferences" }).waitFor();
    await page.waitForFunction(() => document.documentElement.classList.contains("dark"));
    assert.equal(await page.getByRole("form", { name: "Preferences" }).getByLabel(/Time zone/).inputValue(), TIME_ZONE);

    await page.goto(`${ctx.baseUrl}/overview`);
    const time = page.getByText(/^Data through/).locator("time");
    await time.waitFor();
    const iso = await time.getAttribute("datetime");
    assert.ok(iso, "the Data through timestamp has no datetime attribute");
    assert.equal((await time.textContent())?.trim(), formatLikeTheApp(iso, TIME_ZONE), `timestamps are not shown in ${TIME_ZONE}`);
    await ctx.shot(page, "overview-dark-tokyo");

    // Back to light from the user menu, which saves the preference too.
    await openUserMenu(page);
    await page.getByRole("radiogroup", { name: "Theme" }).getByRole("radio", { name: "Light" }).click();
    await page.waitForFunction(() => !document.documentElement.classList.contains("dark"));
    await page.keyboard.press("Escape");
  });

  await step("invite a user and copy the activation link", async () => {
    await page.goto(`${ctx.baseUrl}/settings`);
    const form = page.getByRole("form", { name: "Invite a user" });
    await form.getByLabel("Email").fill(invitee.email);
    await form.getByLabel("Role").selectOption("viewer");
    await form.getByRole("button", { name: "Create invite" }).click();
    activationLink = await page.getByLabel("Activation link").inputValue();
    assert.match(activationLink, /\/activate\?token=./);
    assert.ok(activationLink.startsWith(ctx.baseUrl), `activation link ${activationLink} is not on ${ctx.baseUrl}`);
    await page.getByRole("table", { name: "Invites" }).getByText(invitee.email).waitFor();
    await ctx.shot(page, "settings-invite-created");
  });

  await step("the invited user activates in a second browser context", async () => {
    const context = await ctx.newContext("invitee");
    const second = await context.newPage();
    await second.goto(activationLink);
    const form = second.getByRole("form", { name: "Activate account" });
    await form.getByLabel("Display name (optional)").fill(invitee.name);
    await form.getByLabel("Password", { exact: true }).fill(invitee.password);
    await form.getByLabel("Repeat password").fill(invitee.password);
    await form.getByRole("button", { name: "Activate and sign in" }).click();
    await waitForPath(second, (u) => u.pathname === "/overview", "/overview");
    await second.getByRole("button", { name: `User menu for ${invitee.name}` }).waitFor();
    await clustersCard(second).getByText(TINY_CLUSTERS, { exact: true }).waitFor();

    // A viewer sees the settings page without its admin sections.
    await second.goto(`${ctx.baseUrl}/settings`);
    await second.getByRole("form", { name: "Preferences" }).waitFor();
    await second.getByRole("region", { name: "Looker" }).waitFor();
    assert.equal(await second.getByRole("region", { name: "Users" }).count(), 0, "a viewer sees the Users section");
    await ctx.shot(second, "settings-viewer");

    await signOut(second);
    await signIn(second, invitee.email, invitee.password);
    await waitForPath(second, (u) => u.pathname === "/overview", "/overview");
    await second.getByRole("navigation", { name: "Main" }).waitFor();
    await second.getByRole("button", { name: `User menu for ${invitee.name}` }).waitFor();
    await signOut(second);
    await context.close();
  });

  await step("the admin sees the new user as active", async () => {
    await page.goto(`${ctx.baseUrl}/settings`);
    const row = page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: invitee.email });
    await waitForText(row, "active");
  });

  await step("LLM Usage: a connection check calls the model and its usage shows up", async () => {
    await page.goto(`${ctx.baseUrl}/llm-usage`);
    await heading(page, "LLM Usage").waitFor();
    await page.getByText("Provider openai").waitFor();
    const before = ctx.llm.received().length;
    await page.getByRole("button", { name: "Check connection" }).click();
    await page.getByText("gpt-4.1-2025-04-14 answered").waitFor();
    const agents = page.getByRole("table", { name: "Usage by agent" });
    await waitForText(agents, "connection_check");
    await waitForText(page.getByRole("table", { name: "Usage by model" }), "openai/gpt-4.1-2025-04-14");
    await page.getByRole("img", { name: /^Tokens by day and agent: connection_check \d+/ }).waitFor();
    const calls = ctx.llm.received().slice(before);
    assert.equal(calls.length, 1, "one model call per check");
    assert.equal(calls[0].authorization, "Bearer e2e-replay-key");
    assert.equal(calls[0].model, "gpt-4.1");
    await ctx.shot(page, "llm-usage-after-check");
  });

  await step("chat: ask, watch the answer stream with a tool card, reload and see the session", async () => {
    await page.goto(`${ctx.baseUrl}/chat`);
    await heading(page, "Chat").waitFor();
    const question = "How is the fleet doing?";
    await page.getByRole("form", { name: "Ask" }).getByLabel("Question").fill(question);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const answer = page.getByRole("article", { name: "Answer" });
    // While the pieces arrive the answer is busy and the Stop button shows.
    await page.locator('article[aria-label="Answer"][aria-busy="true"]').waitFor();
    await page.getByRole("button", { name: "Stop", exact: true }).waitFor();
    await answer.locator('details[aria-label="Tool call fleet_overview"]').waitFor();
    await waitForText(answer, "The fleet overview says");
    await answer.getByRole("cell", { name: "fleet_overview" }).waitFor();
    await waitForPath(page, (u) => /^\/chat\/[0-9a-f-]{36}$/.test(u.pathname), "/chat/<session>");
    await ctx.shot(page, "chat-answer");

    await page.reload();
    await heading(page, "Chat").waitFor();
    await page.getByRole("list", { name: "Sessions" }).getByRole("link", { name: question }).waitFor();
    const stored = page.getByRole("article", { name: "Answer" });
    await waitForText(stored, REPLAY_ANSWER_PIECES.join("").split("\n")[0].replace(/\*\*/g, ""));
    const card = stored.locator('details[aria-label="Tool call fleet_overview"]');
    await card.locator("summary").click();
    await waitForText(card, "clusters");
  });

  await step("triage an issue end to end: acknowledge, assign, comment, resolve", async () => {
    await sendFiringAlert(ctx, "E2E Disk Alert");
    await openIssueOf(ctx, page, "E2E Disk Alert");
    await waitForPath(page, (u) => /^\/issues\/\d+$/.test(u.pathname), "/issues/<id>");
    await page.getByRole("heading", { level: 1, name: /^E2E Disk Alert on / }).waitFor();
    const events = page.getByRole("list", { name: "Events" });
    await waitForText(events, "opened");
    await ctx.shot(page, "issue-open");

    const triage = page.getByRole("toolbar", { name: "Triage" });
    await triage.getByRole("button", { name: "Acknowledge" }).click();
    await waitForText(events, "acknowledged");

    const assign = page.getByRole("form", { name: "Assign" });
    await assign.getByLabel("Owner").fill("sre@example.com");
    await assign.getByRole("button", { name: "Assign" }).click();
    await waitForText(events, "Assigned to sre@example.com.");

    await page.getByLabel("Comment text").fill("Disk fills from a backfill; growing the volume.");
    await page.getByRole("button", { name: "Add comment" }).click();
    await waitForText(page.getByRole("list", { name: "Comments" }), "Disk fills from a backfill");
    await ctx.shot(page, "issue-triaged");

    await triage.getByRole("button", { name: "Resolve" }).click();
    await waitForText(events, "resolved");
    const text = (await events.textContent()) ?? "";
    for (const expected of ["opened", "acknowledged", "assigned", "comment", "resolved", ctx.admin.email]) {
      assert.ok(text.includes(expected), `the events do not show ${expected}: ${text}`);
    }
    await ctx.shot(page, "issue-resolved");

    // The list shows it resolved and owned.
    await page.goto(`${ctx.baseUrl}/issues?q=E2E+Disk&status=resolved`);
    const row = page.getByRole("table", { name: "Issues" }).getByRole("row").filter({ hasText: "E2E Disk Alert" });
    await waitForText(row, "sre@example.com");
  });

  await step("start an investigation of a cluster, open its report and re-run it", async () => {
    await page.goto(`${ctx.baseUrl}/overview`);
    const href = await page.getByRole("table", { name: "Clusters" }).getByRole("link").first().getAttribute("href");
    const clusterId = decodeURIComponent(href?.split("/").pop() ?? "");
    assert.ok(clusterId, "no cluster link on the Overview");

    await page.goto(`${ctx.baseUrl}/investigations`);
    const form = page.getByRole("form", { name: "Start an investigation" });
    await form.getByLabel("Cluster id").fill(clusterId);
    await form.getByRole("button", { name: "Investigate" }).click();
    await waitForPath(page, (u) => /^\/investigations\/[^/]+$/.test(u.pathname), "/investigations/<id>", 120_000);
    const first = new URL(page.url()).pathname;
    const steps = page.getByRole("list", { name: "Protocol steps" });
    await steps.waitFor();
    assert.equal(await steps.getByRole("listitem").count(), 8, "the report does not show 8 steps");
    await page.getByRole("list", { name: "Evidence" }).locator("#evidence-E1").waitFor();
    await page.getByRole("region", { name: "Verdict" }).getByText(clusterId, { exact: true }).waitFor();
    await ctx.shot(page, "investigation-report");

    await page.getByRole("button", { name: "Re-run" }).click();
    await waitForPath(page, (u) => u.pathname.startsWith("/investigations/") && u.pathname !== first, "a new /investigations/<id>", 120_000);
    await page.getByRole("list", { name: "Protocol steps" }).waitFor();

    await page.goto(`${ctx.baseUrl}/investigations`);
    const table = page.getByRole("table", { name: "Investigations" });
    await table.getByText(clusterId).first().waitFor();
    assert.ok((await table.getByText(clusterId).count()) >= 2, "the list does not show both runs");
    await ctx.shot(page, "investigations-list");
  });

  await step("investigate an issue from its page: the issue moves to investigating and links the report, which links back", async () => {
    await page.goto(`${ctx.baseUrl}/overview`);
    const href = await page.getByRole("table", { name: "Clusters" }).getByRole("link").first().getAttribute("href");
    const clusterId = decodeURIComponent(href?.split("/").pop() ?? "");
    await sendFiringAlert(ctx, "E2E Investigate Alert", { labels: { cluster_id: clusterId }, fingerprint: "e2e0000000000002" });
    await openIssueOf(ctx, page, "E2E Investigate Alert");
    await waitForPath(page, (u) => /^\/issues\/\d+$/.test(u.pathname), "/issues/<id>");
    const issuePath = new URL(page.url()).pathname;

    await page.getByRole("button", { name: "Investigate this issue" }).click();
    await waitForPath(page, (u) => /^\/investigations\/[^/]+$/.test(u.pathname), "/investigations/<id>", 120_000);
    const report = new URL(page.url()).pathname;
    await page.getByRole("region", { name: "Verdict" }).getByRole("link", { name: `#${issuePath.split("/").pop()}` }).click();
    await waitForPath(page, (u) => u.pathname === issuePath, issuePath);

    await page.getByRole("heading", { level: 1, name: /^E2E Investigate Alert on / }).waitFor();
    await waitForText(page.getByRole("heading", { level: 1 }).locator(".."), "investigating");
    const events = page.getByRole("list", { name: "Events" });
    await waitForText(events, "root cause");
    const links = events.getByRole("link", { name: "Open the investigation" });
    assert.equal(await links.first().getAttribute("href"), report, "the events do not link the investigation");
    await ctx.shot(page, "issue-investigated");
  });

  await step("run a patrol now, follow its progress and open the report", async () => {
    await page.goto(`${ctx.baseUrl}/patrol`);
    await heading(page, "Patrol").waitFor();
    await page.getByRole("button", { name: "Run now" }).click();
    const open = page.getByRole("link", { name: "Open the report" });
    await open.waitFor({ timeout: 180_000 });
    await open.click();
    await waitForPath(page, (u) => /^\/patrol\/[^/]+$/.test(u.pathname), "/patrol/<id>");
    await page.getByRole("region", { name: "Since the previous patrol" }).waitFor();
    await page.getByRole("region", { name: /^Clusters in trouble/ }).waitFor();
    await page.getByRole("region", { name: "Report (Markdown)" }).getByText(/Fleet patrol/).waitFor();
    await ctx.shot(page, "patrol-report");
    await page.goto(`${ctx.baseUrl}/patrol`);
    await page.getByRole("table", { name: "Patrol reports" }).getByRole("link").first().waitFor();
    await ctx.shot(page, "patrol-list");
  });

  await step("every page renders (screenshots)", async () => {
    for (const [i, target] of PAGES.entries()) {
      await page.goto(`${ctx.baseUrl}${target.path}`);
      await heading(page, target.heading).waitFor();
      if (target.key === "overview") await clustersCard(page).getByText(TINY_CLUSTERS, { exact: true }).waitFor();
      if (target.key === "settings") await page.getByRole("table", { name: "Users" }).waitFor();
      if (target.key === "help") await page.getByRole("table", { name: "Keyboard shortcuts" }).waitFor();
      if (target.key === "llm-usage") await page.getByRole("region", { name: "Usage totals" }).waitFor();
      if (target.key === "investigations") await page.getByRole("table", { name: "Investigations" }).waitFor();
      if (target.key === "patrol") await page.getByRole("table", { name: "Patrol reports" }).waitFor();
      await ctx.shot(page, `page-${String(i + 1).padStart(2, "0")}-${target.key}`);
    }
  });

  await step("sign out", async () => {
    await signOut(page);
    await page.goto(`${ctx.baseUrl}/overview`);
    await waitForPath(page, (u) => u.pathname === "/login" && u.searchParams.get("next") === "/overview", "/login?next=/overview");
  });

  await admin.close();
}
