// @ts-check
// Small helpers for the browser flow: named steps, screenshots, waiting for text.
import { mkdirSync } from "node:fs";
import { join } from "node:path";

/** Skip named steps while debugging a run: BYOC_E2E_SKIP=preferences,invite */
const SKIP = new Set((process.env.BYOC_E2E_SKIP ?? "").split(",").map((s) => s.trim()).filter(Boolean));

/** @type {{ name: string, ms: number, skipped?: boolean }[]} */
export const ranSteps = [];

/**
 * @param {string} name
 * @param {() => Promise<void>} body
 */
export async function step(name, body) {
  if (SKIP.has(name)) {
    console.log(`  - ${name} (skipped by BYOC_E2E_SKIP)`);
    ranSteps.push({ name, ms: 0, skipped: true });
    return;
  }
  const started = Date.now();
  console.log(`  > ${name}`);
  try {
    await body();
  } catch (error) {
    throw new Error(`step "${name}" failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  ranSteps.push({ name, ms: Date.now() - started });
}

/** @param {string} dir */
export function screenshotter(dir) {
  mkdirSync(dir, { recursive: true });
  /** @type {string[]} */
  const saved = [];
  return {
    saved,
    /**
     * @param {import("playwright-core").Page} page
     * @param {string} name
     */
    async shot(page, name) {
      const path = join(dir, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      saved.push(path);
    },
  };
}

/**
 * Waits until the locator's text contains `expected`.
 * @param {import("playwright-core").Locator} locator
 * @param {string | RegExp} expected
 * @param {number} [timeout]
 */
export async function waitForText(locator, expected, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  let last = "";
  while (Date.now() < deadline) {
    last = (await locator.first().textContent({ timeout: Math.max(1, deadline - Date.now()) }).catch(() => "")) ?? "";
    if (typeof expected === "string" ? last.includes(expected) : expected.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`expected ${String(expected)} in ${locator}, last text: ${JSON.stringify(last.slice(0, 300))}`);
}

/**
 * Waits for the page's path (and query) to match.
 * @param {import("playwright-core").Page} page
 * @param {(url: URL) => boolean} predicate
 * @param {string} what
 * @param {number} [timeout] milliseconds (an investigation runs in the request that navigates)
 */
export async function waitForPath(page, predicate, what, timeout = 30_000) {
  try {
    await page.waitForURL((url) => predicate(url), { timeout });
  } catch {
    throw new Error(`expected to be at ${what}, but the page is at ${page.url()}`);
  }
}

/**
 * The app's timestamp format (shared/format/formatDateTime.ts), to check what a page shows.
 * @param {string} iso
 * @param {string} timeZone
 */
export function formatLikeTheApp(iso, timeZone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/**
 * Waits until the table has data rows and every one passes the check (a filter's refetch may still
 * be showing the unfiltered rows when the first row happens to match). Answers the rows' texts.
 * @param {import("playwright-core").Locator} table
 * @param {(text: string) => boolean} check
 * @param {string} what
 * @param {number} [timeout]
 */
export async function waitForEveryRow(table, check, what, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  /** @type {string[]} */
  let texts = [];
  while (Date.now() < deadline) {
    texts = await table.getByRole("row").evaluateAll((rows) => rows.slice(1).map((r) => r.textContent ?? ""));
    if (texts.length > 0 && texts.every(check)) return texts;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`expected every row to be ${what}, last rows: ${texts.slice(0, 5).join(" | ")}`);
}
