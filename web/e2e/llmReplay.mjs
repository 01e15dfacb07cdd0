// @ts-check
// A tiny OpenAI-compatible Chat Completions server for the browser tests, so the backend makes real
// model calls without an LLM or a network:
// - a plain (non-streaming) request gets the recorded completion the Java tests use
//   (src/test/resources/llm/openai/stop.json): the LLM Usage connection check;
// - a streaming request (the chat) gets a tool call (fleet_overview) first, and after the tool
//   result a Markdown answer in pieces, a little apart, so the page can be watched streaming.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const COMPLETION = readFileSync(resolve(here, "../../src/test/resources/llm/openai/stop.json"), "utf8");

export const REPLAY_ANSWER_PIECES = ["The fleet ", "overview says: ", "**all clusters reported**.\n\n", "| check | result |\n|---|---|\n| tool | fleet_overview |\n"];

/** @param {string} model @param {Record<string, unknown>} delta @param {string | null} finish */
function chunk(model, delta, finish) {
  return `data: ${JSON.stringify({ id: "chatcmpl-e2e", object: "chat.completion.chunk", model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
}

/** @param {string} model */
function usage(model) {
  return `data: ${JSON.stringify({ id: "chatcmpl-e2e", object: "chat.completion.chunk", model, choices: [], usage: { prompt_tokens: 900, completion_tokens: 30, total_tokens: 930 } })}\n\ndata: [DONE]\n\n`;
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

/**
 * @typedef {{ path: string, authorization: string | undefined, model: string, stream: boolean }} ReceivedCall
 * @typedef {object} LlmReplay
 * @property {string} baseUrl what BYOC_LLM_BASE_URL should be
 * @property {() => ReceivedCall[]} received
 * @property {() => Promise<void>} stop
 */

/** @returns {Promise<LlmReplay>} */
export async function startLlmReplay() {
  /** @type {ReceivedCall[]} */
  const received = [];
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (piece) => (body += piece));
    request.on("end", async () => {
      if (request.method !== "POST" || request.url !== "/v1/chat/completions") {
        response.writeHead(404, { "Content-Type": "application/json" });
        response.end(JSON.stringify({ error: { message: "not found", type: "invalid_request_error" } }));
        return;
      }
      /** @type {{ model?: unknown, stream?: unknown, messages?: { role: string }[] }} */
      let parsed = {};
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = { model: "(unparsable request)" };
      }
      const model = String(parsed.model ?? "");
      const stream = parsed.stream === true;
      received.push({ path: request.url, authorization: request.headers.authorization, model, stream });
      if (!stream) {
        response.writeHead(200, { "Content-Type": "application/json" });
        response.end(COMPLETION);
        return;
      }
      const messages = parsed.messages ?? [];
      const afterTool = messages.length > 0 && messages[messages.length - 1].role === "tool";
      response.writeHead(200, { "Content-Type": "text/event-stream" });
      if (!afterTool) {
        response.write(chunk(model, { role: "assistant", content: null, tool_calls: [{ index: 0, id: "call_e2e", type: "function", function: { name: "fleet_overview", arguments: "{}" } }] }, null));
        response.write(chunk(model, {}, "tool_calls"));
      } else {
        for (const piece of REPLAY_ANSWER_PIECES) {
          response.write(chunk(model, { content: piece }, null));
          await sleep(300);
        }
        response.write(chunk(model, {}, "stop"));
      }
      response.end(usage(model));
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
