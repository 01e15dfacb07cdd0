// @ts-check
// A tiny stand-in for an OpenAI-compatible Chat Completions server, for the browser test only: the
// first call of a turn streams a tool call (fleet_overview), the call after the tool result streams
// a Markdown answer in pieces, a little apart, so the page can be watched streaming.
import { createServer } from "node:http";

export const REPLAY_ANSWER_PIECES = ["The fleet ", "overview says: ", "**all clusters reported**.\n\n", "| check | result |\n|---|---|\n| tool | fleet_overview |\n"];

/** @param {Record<string, unknown>} delta @param {string | null} finish */
function chunk(delta, finish) {
  return `data: ${JSON.stringify({ id: "chatcmpl-e2e", object: "chat.completion.chunk", model: "e2e-replay-model", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
}

const usage = `data: ${JSON.stringify({ id: "chatcmpl-e2e", object: "chat.completion.chunk", model: "e2e-replay-model", choices: [], usage: { prompt_tokens: 900, completion_tokens: 30, total_tokens: 930 } })}\n\ndata: [DONE]\n\n`;

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @returns {Promise<{ baseUrl: string, requests: () => number, stop: () => Promise<void> }>} */
export async function startLlmReplay() {
  let count = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        res.writeHead(404, { "Content-Type": "application/json" }).end('{"error":{"message":"not found"}}');
        return;
      }
      count++;
      const messages = JSON.parse(body).messages ?? [];
      const afterTool = messages.length > 0 && messages[messages.length - 1].role === "tool";
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      if (!afterTool) {
        res.write(chunk({ role: "assistant", content: null, tool_calls: [{ index: 0, id: "call_e2e", type: "function", function: { name: "fleet_overview", arguments: "{}" } }] }, null));
        res.write(chunk({}, "tool_calls"));
      } else {
        for (const piece of REPLAY_ANSWER_PIECES) {
          res.write(chunk({ content: piece }, null));
          await sleep(300);
        }
        res.write(chunk({}, "stop"));
      }
      res.end(usage);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests: () => count,
    stop: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
