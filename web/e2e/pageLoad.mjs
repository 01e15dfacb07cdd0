// @ts-check
// Page-load benchmark (bench/pages.sh runs it; not part of `npm run e2e`): navigation start → data
// rendered in Debian's Chromium, for pages of a running backend, cold and warm, against a static page
// of the same server as the baseline.
//
//   node e2e/pageLoad.mjs --base URL --email E --password P --loads N --out FILE_PREFIX
//
// Every load is timed inside the page: performance.now() (milliseconds since the navigation started)
// at the first animation frame in which every selector of the page matches, so the time covers the
// HTML, the scripts, the API calls and React drawing the answer.
// - cold: a fresh browser context (empty HTTP cache, a fresh sign-in put into sessionStorage as the
//   app keeps it), then one navigation;
// - warm: the same page navigated again in a context that has loaded it before (HTTP cache and the
//   server warm; the app itself starts afresh, as on a reload).
// Loads of all pages alternate, so load on the machine falls on all alike.
import { writeFileSync } from "node:fs";
import { launchBrowser } from "./browser.mjs";

/** Each page and the selectors that only match once its data is drawn. */
export const TARGETS = [
  { name: "login (baseline, static)", path: "/login", selectors: ['form input[type="password"]'], signedIn: false },
  {
    name: "Overview",
    path: "/overview",
    selectors: ['section[aria-label="Fleet totals"]', 'table[aria-label="Clusters"] tbody a[href]'],
    signedIn: true,
  },
  { name: "Issues", path: "/issues", selectors: ['table[aria-label="Issues"] tbody a[href^="/issues/"]'], signedIn: true },
  {
    name: "Breaking Point",
    path: "/breaking",
    selectors: ['table[aria-label="Nearest breaches"] tbody a[href]'],
    signedIn: true,
  },
];

const SESSION_KEY = "byoc.session";

/** @param {string[]} argv */
function options(argv) {
  /** @type {Record<string, string>} */
  const opt = {};
  for (let i = 0; i + 1 < argv.length; i += 2) opt[argv[i].replace(/^--/, "")] = argv[i + 1];
  return opt;
}

/**
 * A session as the app stores it after signing in (web/src/shared/auth/session.ts).
 * @param {string} base @param {string} email @param {string} password
 */
async function signIn(base, email, password) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: HTTP ${response.status}`);
  const t = await response.json();
  return JSON.stringify({
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    expiresAt: Date.now() + t.expires_in * 1000,
    user: t.user,
  });
}

/**
 * A context whose pages start signed in (or signed out).
 * @param {import("playwright-core").Browser} browser @param {string | null} session
 */
async function newContext(browser, session) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  if (session) {
    await context.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem(key)) sessionStorage.setItem(key, value);
      },
      [SESSION_KEY, session],
    );
  }
  return context;
}

/**
 * Navigates and returns milliseconds from navigation start to the frame in which every selector matched.
 * @param {import("playwright-core").Page} page @param {string} url @param {string[]} selectors
 */
async function timedLoad(page, url, selectors) {
  await page.goto(url, { waitUntil: "commit" });
  const handle = await page.waitForFunction(
    (sels) => (sels.every((s) => document.querySelector(s)) ? performance.now() : false),
    selectors,
    { polling: "raf", timeout: 60_000 },
  );
  return /** @type {number} */ (await handle.jsonValue());
}

/** @param {number[]} values @param {number} p */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function main() {
  const opt = options(process.argv.slice(2));
  const base = opt.base;
  const loads = Number(opt.loads ?? 10);
  const browser = await launchBrowser(opt.chromium ?? "/usr/bin/chromium");
  try {
    /** @type {Record<string, {cold: number[], warm: number[]}>} */
    const times = Object.fromEntries(TARGETS.map((t) => [t.name, { cold: [], warm: [] }]));
    // The warm contexts: one per page, each loaded once (untimed) before the rounds.
    const warm = [];
    for (const t of TARGETS) {
      const context = await newContext(browser, t.signedIn ? await signIn(base, opt.email, opt.password) : null);
      const page = await context.newPage();
      await timedLoad(page, base + t.path, t.selectors);
      warm.push({ target: t, context, page });
    }
    for (let round = 0; round < loads; round++) {
      for (const { target, page } of warm) {
        const session = target.signedIn ? await signIn(base, opt.email, opt.password) : null;
        const context = await newContext(browser, session);
        const coldPage = await context.newPage();
        times[target.name].cold.push(await timedLoad(coldPage, base + target.path, target.selectors));
        await context.close();
        times[target.name].warm.push(await timedLoad(page, base + target.path, target.selectors));
      }
      console.log(`round ${round + 1}/${loads}: ${TARGETS.map((t) => `${t.name} ${times[t.name].cold.at(-1)?.toFixed(0)}/${times[t.name].warm.at(-1)?.toFixed(0)} ms`).join(", ")}`);
    }
    for (const { context } of warm) await context.close();

    const baseline = times[TARGETS[0].name];
    const stat = (/** @type {number[]} */ v) => ({ median_ms: round1(percentile(v, 50)), p95_ms: round1(percentile(v, 95)), max_ms: round1(Math.max(...v)) });
    const pages = Object.fromEntries(
      TARGETS.map((t) => {
        const { cold, warm: w } = times[t.name];
        return [t.name, {
          path: t.path, selectors: t.selectors,
          cold: { ...stat(cold), median_vs_baseline: round2(percentile(cold, 50) / percentile(baseline.cold, 50)), samples_ms: cold.map(round1) },
          warm: { ...stat(w), median_vs_baseline: round2(percentile(w, 50) / percentile(baseline.warm, 50)), samples_ms: w.map(round1) },
        }];
      }),
    );
    const result = { loads, baseline: TARGETS[0].name, target_ms: 1500, pages };
    writeFileSync(`${opt.out}.json`, JSON.stringify(result, null, 2) + "\n");
    const rows = TARGETS.map((t) => {
      const p = pages[t.name];
      return `| ${t.name} | ${p.cold.median_ms} | ${p.cold.p95_ms} | ${p.cold.median_vs_baseline} | ${p.warm.median_ms} | ${p.warm.p95_ms} | ${p.warm.median_vs_baseline} | ${t.signedIn ? (p.cold.p95_ms < 1500 ? "met" : "**missed**") : "—"} |`;
    });
    const md = `| page | cold median ms | cold p95 ms | cold median ÷ baseline | warm median ms | warm p95 ms | warm median ÷ baseline | cold p95 < 1.5 s |
|---|---|---|---|---|---|---|---|
${rows.join("\n")}
`;
    writeFileSync(`${opt.out}.md`, md);
    console.log(md);
  } finally {
    await browser.close();
  }
}

/** @param {number} v */
function round1(v) {
  return Math.round(v * 10) / 10;
}

/** @param {number} v */
function round2(v) {
  return Math.round(v * 100) / 100;
}

await main();
