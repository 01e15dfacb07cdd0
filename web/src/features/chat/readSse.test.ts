import { describe, expect, it } from "vitest";
import type { ChatEvent } from "./chatTypes";
import { readSse } from "./readSse";

function bodyOf(...chunks: string[]) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
      controller.close();
    },
  });
}

describe("readSse", () => {
  it("joins events split across chunks and skips comments", async () => {
    const events: ChatEvent[] = [];
    await readSse(bodyOf('event:text\ndata:{"del', 'ta":"Hi"}\n\n:keep-alive\n\n', 'event:done\ndata:{"outcome":"completed"}\n\n'), (e) => events.push(e));
    expect(events).toEqual([
      { event: "text", data: { delta: "Hi" } },
      { event: "done", data: { outcome: "completed" } },
    ]);
  });
});
