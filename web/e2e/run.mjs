// @ts-check
// `npm run e2e`: starts the backend jar, drives Debian's Chromium through the app, saves a
// screenshot of every page under target/e2e-screenshots/, and always stops the backend.
//
// Environment: JAVA_HOME (required, JDK >= 21), BYOC_E2E_JAR (default ../target/byoc-fleet.jar),
// BYOC_E2E_CHROMIUM (default /usr/bin/chromium), BYOC_E2E_OUT (default ../target),
// BYOC_E2E_START_TIMEOUT seconds (default 240), BYOC_E2E_JAVA_OPTS, BYOC_E2E_SKIP (step names),
// BYOC_E2E_PARTIAL=1 (a backend without /api/auth: run the signed-out pages only and pass).
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkPrerequisites, startBackend, waitForHealth } from "./backend.mjs";
import { launchBrowser, watchForErrors } from "./browser.mjs";
import { startLlmReplay } from "./llmReplay.mjs";
import { signedInJourney, signedOutPages } from "./flow.mjs";
import { healthJourney } from "./healthFlow.mjs";
import { ranSteps, screenshotter } from "./steps.mjs";

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = resolve(webDir, process.env.BYOC_E2E_OUT ?? "../target");
const jar = resolve(webDir, process.env.BYOC_E2E_JAR ?? "../target/byoc-fleet.jar");
const chromiumPath = process.env.BYOC_E2E_CHROMIUM ?? "/usr/bin/chromium";
const startTimeoutMs = Number(process.env.BYOC_E2E_START_TIMEOUT ?? 240) * 1000;
const partialAllowed = process.env.BYOC_E2E_PARTIAL === "1";

const admin = {
  email: "admin@example.com",
  // A fresh password each run: nothing here is a credential anyone could reuse.
  password: `e2e-${randomBytes(12).toString("base64url")}`,
};
/** Bearer token of the alert webhooks, so the journey can send a fresh alert to triage. */
const webhookToken = `e2e-webhook-${randomBytes(12).toString("base64url")}`;

/**
 * Whether the backend has the auth API (the web app's sign-in needs it).
 * @param {string} baseUrl
 */
async function probeSignIn(baseUrl) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(admin),
  });
  if (response.ok) return "ok";
  if (response.status === 401) return "refused";
  return `HTTP ${response.status}`;
}

async function main() {
  const java = checkPrerequisites(process.env.JAVA_HOME ?? "", jar);
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: apt-get install -y chromium, or set BYOC_E2E_CHROMIUM.`);
  const screenshotDir = resolve(outDir, "e2e-screenshots");
  rmSync(screenshotDir, { recursive: true, force: true });
  const { shot, saved } = screenshotter(screenshotDir);

  // The LLM Usage check and the chat need a model: a local replay of the OpenAI-compatible API, for this run only.
  const llm = await startLlmReplay();
  console.log(`e2e: starting ${jar} (LLM: replay server at ${llm.baseUrl})`);
  const backend = await startBackend({
    java,
    jar,
    logFile: resolve(outDir, "e2e-backend.log"),
    javaOptions: ["--enable-native-access=ALL-UNNAMED", ...(process.env.BYOC_E2E_JAVA_OPTS ?? "-Xmx1g").split(/\s+/).filter(Boolean)],
    env: {
      BYOC_ADMIN_EMAIL: admin.email,
      BYOC_ADMIN_PASSWORD: admin.password,
      BYOC_WEBHOOK_TOKEN: webhookToken,
      BYOC_LLM_PROVIDER: "openai",
      BYOC_LLM_BASE_URL: llm.baseUrl,
      BYOC_LLM_MODEL: "gpt-4.1",
      BYOC_LLM_API_KEY: "e2e-replay-key",
    },
  });

  /** @type {import("playwright-core").Browser | null} */
  let browser = null;
  /** @type {import("./browser.mjs").PageProblem[]} */
  const problems = [];
  let outcome = "passed";
  try {
    await waitForHealth(backend, startTimeoutMs);
    console.log(`e2e: backend healthy at ${backend.baseUrl} (log: ${backend.logFile})`);

    browser = await launchBrowser(chromiumPath);
    const b = browser;
    const ctx = {
      browser: b,
      baseUrl: backend.baseUrl,
      admin,
      llm,
      webhookToken,
      shot,
      /** @param {string} label */
      async newContext(label) {
        const context = await b.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
        context.setDefaultTimeout(30_000);
        watchForErrors(context, label, problems);
        return context;
      },
    };

    await signedOutPages(ctx);

    const signIn = await probeSignIn(backend.baseUrl);
    if (signIn !== "ok") {
      const why =
        signIn === "refused"
          ? "POST /api/auth/login refused the admin from BYOC_ADMIN_EMAIL/BYOC_ADMIN_PASSWORD"
          : `the backend has no working POST /api/auth/login (${signIn})`;
      if (!partialAllowed) throw new Error(`${why}; the signed-in journey cannot run`);
      console.log(`e2e: PARTIAL RUN: ${why}; BYOC_E2E_PARTIAL=1, so only the signed-out pages were checked.`);
      outcome = "partial";
    } else {
      await signedInJourney(ctx);
      await healthJourney(ctx);
    }

    if (problems.length > 0) {
      const list = problems.map((p) => `  [${p.kind}] ${p.where}\n    ${p.text.replace(/\n/g, "\n    ")}`).join("\n");
      throw new Error(`${problems.length} console error(s) or page error(s):\n${list}`);
    }
  } catch (error) {
    outcome = "failed";
    console.error(`\ne2e: FAILED: ${error instanceof Error ? error.message : String(error)}`);
    console.error(`e2e: last lines of ${backend.logFile}:\n${backend.logTail()}`);
    process.exitCode = 1;
  } finally {
    await browser?.close().catch(() => {});
    await backend.stop();
    await llm.stop();
  }

  console.log(`\ne2e: ${outcome}; steps: ${ranSteps.map((s) => `${s.name} ${s.skipped ? "(skipped)" : `${(s.ms / 1000).toFixed(1)} s`}`).join("; ")}`);
  console.log(`e2e: ${saved.length} screenshot(s) in ${screenshotDir}`);
}

for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  // process.on("exit") in backend.mjs kills the JVM; exiting here makes sure that runs.
  process.on(signal, () => process.exit(130));
}

main().catch((error) => {
  console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
