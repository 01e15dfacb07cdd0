import { vi } from "vitest";

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

export function problemResponse(status: number, title: string, detail: string): Response {
  return new Response(JSON.stringify({ type: "about:blank", title, status, detail }), {
    status,
    headers: { "Content-Type": "application/problem+json" },
  });
}

/** Replaces global fetch with a handler of parsed URLs; `urls()` lists what was requested. */
export function mockFetch(handler: (url: URL) => Response | Promise<Response>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) => {
    const raw = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    return handler(new URL(raw, "http://localhost"));
  });
  vi.stubGlobal("fetch", fetchMock);
  return {
    fetchMock,
    urls: () =>
      fetchMock.mock.calls.map(([input]) => new URL(typeof input === "string" ? input : String(input), "http://localhost")),
  };
}
