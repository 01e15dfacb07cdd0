// @ts-check
// Starts the backend jar on a free port with a fresh data folder, waits for it to be healthy, and
// stops it again (also when the run fails or is interrupted).
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** @returns {Promise<number>} a port nothing listens on right now */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * @param {string} javaHome
 * @param {string} jar
 */
export function checkPrerequisites(javaHome, jar) {
  if (!javaHome) {
    throw new Error("JAVA_HOME is not set: point it at a JDK >= 21 (./byoc java-home prints the one the launcher picks).");
  }
  const java = join(javaHome, "bin", "java");
  if (!existsSync(java)) throw new Error(`JAVA_HOME=${javaHome} has no bin/java.`);
  if (!existsSync(jar)) {
    throw new Error(`No backend jar at ${jar}: build it first (mvn -DskipTests package), or set BYOC_E2E_JAR.`);
  }
  return java;
}

/**
 * @typedef {object} Backend
 * @property {string} baseUrl
 * @property {string} dataDir
 * @property {string} logFile
 * @property {() => string} logTail
 * @property {() => { code: number | null, signal: string | null } | null} exitStatus null while running
 * @property {() => Promise<void>} stop
 */

/**
 * @param {{ java: string, jar: string, logFile: string, env: Record<string, string>, javaOptions: string[] }} options
 * @returns {Promise<Backend>}
 */
export async function startBackend({ java, jar, logFile, env, javaOptions }) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "byoc-e2e-"));
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const baseUrl = `http://127.0.0.1:${port}`;

  const child = spawn(java, [...javaOptions, "-jar", jar, "serve"], {
    env: {
      ...process.env,
      BYOC_STORE: "duckdb",
      BYOC_DATA_DIR: dataDir,
      BYOC_DEMO_PRESET: "tiny",
      SERVER_PORT: String(port),
      // With the probes on, /actuator/health says UP only once the application is ready, that
      // is after the start-up runners, among them the generation of the demo fleet.
      MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED: "true",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });

  /** @type {{ code: number | null, signal: string | null } | null} */
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });

  // Last resort: never leave a JVM (or its data folder) behind, whatever ends this process.
  const killNow = () => {
    if (!exited) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on("exit", killNow);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      child.kill("SIGTERM");
      const timeout = new Promise((resolve) => setTimeout(resolve, 15_000, "timeout"));
      if ((await Promise.race([exitPromise, timeout])) === "timeout") {
        child.kill("SIGKILL");
        await exitPromise;
      }
    }
    process.off("exit", killNow);
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };

  const logTail = () => {
    try {
      return readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n");
    } catch {
      return "(no log)";
    }
  };

  return { baseUrl, dataDir, logFile, logTail, stop, exitStatus: () => exited };
}

/**
 * Polls /actuator/health until it says UP.
 * @param {Backend} backend
 * @param {number} timeoutMs
 */
export async function waitForHealth(backend, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    const status = backend.exitStatus();
    if (status) throw new Error(`the backend exited during start-up (${JSON.stringify(status)})`);
    try {
      const response = await fetch(`${backend.baseUrl}/actuator/health`, { signal: AbortSignal.timeout(5000) });
      const body = await response.text();
      if (response.ok && body.includes('"UP"')) return;
      last = `HTTP ${response.status} ${body.slice(0, 200)}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`the backend was not healthy within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}
