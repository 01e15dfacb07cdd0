/**
 * The raw payload for reading: JSON pretty-printed with two-space indents, anything else (a Lark
 * text message, a truncated body) exactly as stored.
 */
export function prettyPayload(raw: string | null | undefined): { text: string; json: boolean } {
  if (raw === null || raw === undefined || raw === "") return { text: "", json: false };
  try {
    return { text: JSON.stringify(JSON.parse(raw), null, 2), json: true };
  } catch {
    return { text: raw, json: false };
  }
}
