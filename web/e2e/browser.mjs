// @ts-check
// Debian's Chromium driven by playwright-core: no browser download, the flags STACK.md names.
import { chromium } from "playwright-core";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** @param {string} executablePath */
export async function launchBrowser(executablePath) {
  // launch() (not launchPersistentContext) gives every run a fresh temporary --user-data-dir,
  // and lets one browser hold several isolated contexts (the admin and the invited user).
  return chromium.launch({ executablePath, headless: true, args: FLAGS });
}

/**
 * @typedef {{ where: string, kind: "console" | "pageerror", text: string }} PageProblem
 */

/**
 * Records console errors and uncaught page errors of every page the context opens.
 * @param {import("playwright-core").BrowserContext} context
 * @param {string} label
 * @param {PageProblem[]} problems
 */
export function watchForErrors(context, label, problems) {
  /** @param {import("playwright-core").Page} page */
  const attach = (page) => {
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      const location = message.location();
      const at = location.url ? ` (${location.url}:${location.lineNumber})` : "";
      problems.push({ where: `${label} ${page.url()}`, kind: "console", text: `${message.text()}${at}` });
    });
    page.on("pageerror", (error) => {
      problems.push({ where: `${label} ${page.url()}`, kind: "pageerror", text: error.stack ?? String(error) });
    });
    // Not failures by themselves (a 401 during sign-in is expected), but they explain console errors.
    page.on("response", (response) => {
      if (response.status() >= 400 && response.url().includes("/api/")) {
        console.log(`    [${label}] HTTP ${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
      }
    });
  };
  context.on("page", attach);
  for (const page of context.pages()) attach(page);
}
