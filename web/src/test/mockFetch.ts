import { vi } from "vitest";

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
}

export function problemResponse(status: number, title: string, detail: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: "about:blank", title, status, detail }), {
    status,
    headers: { "Content-Type": "application/problem+json", ...headers },
  });
}

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** The parsed JSON body, if any. */
  body: unknown;
}

function inputUrl(input: RequestInfo | URL): URL {
  const raw = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  return new URL(raw, "http://localhost");
}

function record(input: RequestInfo | URL, init?: RequestInit): RecordedRequest {
  const text = typeof init?.body === "string" ? init.body : undefined;
  return {
    method: (init?.method ?? "GET").toUpperCase(),
    url: inputUrl(input),
    headers: { ...((init?.headers as Record<string, string>) ?? {}) },
    body: text === undefined ? undefined : JSON.parse(text),
  };
}

/**
 * Replaces global fetch with a handler of parsed URLs (and the request, for methods and bodies);
 * `urls()` lists what was requested, `requests()` the whole requests.
 */
export function mockFetch(handler: (url: URL, request: RecordedRequest) => Response | Promise<Response>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = record(input, init);
    return handler(request.url, request);
  });
  vi.stubGlobal("fetch", fetchMock);
  const requests = () => fetchMock.mock.calls.map(([input, init]) => record(input, init));
  return {
    fetchMock,
    requests,
    urls: () => requests().map((r) => r.url),
  };
}
