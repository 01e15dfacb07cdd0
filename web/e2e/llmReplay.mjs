// @ts-check
// A tiny OpenAI-compatible Chat Completions server for the browser tests: it answers every
// POST /v1/chat/completions with the recorded completion the Java tests use
// (src/test/resources/llm/openai/stop.json), so the backend makes real model calls, records their
// usage and the LLM Usage page has data, without an LLM or a network.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const COMPLETION = readFileSync(resolve(here, "../../src/test/resources/llm/openai/stop.json"), "utf8");

/**
 * @typedef {object} LlmReplay
 * @property {string} baseUrl what BYOC_LLM_BASE_URL should be
 * @property {() => { path: string, authorization: string | undefined, model: string }[]} received
 * @property {() => Promise<void>} stop
 */

/** @returns {Promise<LlmReplay>} */
export async function startLlmReplay() {
  /** @type {{ path: string, authorization: string | undefined, model: string }[]} */
  const received = [];
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      if (request.method !== "POST" || request.url !== "/v1/chat/completions") {
        response.writeHead(404, { "Content-Type": "application/json" });
        response.end(JSON.stringify({ error: { message: "not found", type: "invalid_request_error" } }));
        return;
      }
      let model = "";
      try {
        model = String(JSON.parse(body).model ?? "");
      } catch {
        model = "(unparsable request)";
      }
      received.push({ path: request.url, authorization: request.headers.authorization, model });
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(COMPLETION);
    });
  });
  await new Promise((resolveListen) => server.listen(0, "127.0.0.1", () => resolveListen(undefined)));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    received: () => [...received],
    stop: () => new Promise((resolveClose) => server.close(() => resolveClose(undefined))),
  };
}
