import type { ChatEvent } from "./chatTypes";

/** Splits one block of SSE lines into an event; comments and blocks without data give null. */
export function parseSseBlock(block: string): ChatEvent | null {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  if (data.length === 0) return null;
  try {
    const parsed: unknown = JSON.parse(data.join("\n"));
    return { event, data: parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : { value: parsed } };
  } catch {
    return { event, data: { value: data.join("\n") } };
  }
}

/** Reads a text/event-stream body, calling onEvent for every event as it arrives. */
export async function readSse(body: ReadableStream<Uint8Array>, onEvent: (event: ChatEvent) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.search(/\r?\n\r?\n/);
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, "");
      const event = parseSseBlock(block);
      if (event) onEvent(event);
      end = buffer.search(/\r?\n\r?\n/);
    }
  }
  const last = parseSseBlock(buffer);
  if (last) onEvent(last);
}
