import { describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, problemResponse } from "../../test/mockFetch";
import { signIn, tokens } from "../../test/session";
import { forgetLoadedSession, getSession } from "../auth/session";
import { ApiError } from "./ApiError";
import { apiClient, buildQueryString, setSessionExpiredHandler } from "./apiClient";

function bearer(init: unknown): string | undefined {
  return ((init as RequestInit).headers as Record<string, string>).Authorization;
}

describe("apiClient", () => {
  it("turns an application/problem+json response into an ApiError with title, detail and status", async () => {
    signIn();
    mockFetch(() => problemResponse(404, "Cluster not found", "No cluster with id c-404."));

    const error = await apiClient.get("/api/fleet/clusters/c-404").catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, title: "Cluster not found", detail: "No cluster with id c-404." });
    expect((error as ApiError).problem?.type).toBe("about:blank");
  });

  it("falls back to the status line when the error body is not a problem detail", async () => {
    signIn();
    mockFetch(() => new Response("<html>bad gateway</html>", { status: 502, statusText: "Bad Gateway" }));

    await expect(apiClient.get("/api/fleet/summary")).rejects.toMatchObject({
      status: 502,
      title: "Bad Gateway",
      detail: undefined,
    });
  });

  it("reports an unreachable server as an ApiError with status 0", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));

    await expect(apiClient.get("/api/fleet/summary")).rejects.toMatchObject({ status: 0, title: "Network error" });
  });

  it("returns parsed JSON and sends query parameters and the session's bearer token", async () => {
    signIn("viewer", "123");
    const { fetchMock, urls } = mockFetch(() => jsonResponse({ ok: true }));

    const body = await apiClient.get<{ ok: boolean }>("/api/fleet/clusters", { page: 2, q: "", state: undefined, tier: "S" });

    expect(body).toEqual({ ok: true });
    expect(urls()[0].pathname + urls()[0].search).toBe("/api/fleet/clusters?page=2&tier=S");
    expect(bearer(fetchMock.mock.calls[0][1])).toBe("Bearer access-123");
  });

  it("sends JSON bodies and reads a 204 as no content", async () => {
    signIn();
    const { requests } = mockFetch(() => new Response(null, { status: 204 }));

    await expect(apiClient.patch("/api/auth/users/u-1", { role: "operator" })).resolves.toBeUndefined();

    const [request] = requests();
    expect(request).toMatchObject({ method: "PATCH", body: { role: "operator" } });
    expect(request.headers["Content-Type"]).toBe("application/json");
  });

  it("on a 401 refreshes once, keeps the rotated tokens and retries with the new access token", async () => {
    signIn("admin", "old");
    const { requests } = mockFetch((url, request) => {
      if (url.pathname === "/api/auth/refresh") return jsonResponse(tokens("admin", "new"));
      return request.headers.Authorization === "Bearer access-new"
        ? jsonResponse({ clusters: 10 })
        : problemResponse(401, "Unauthorized", "The access token has expired.");
    });

    // Two requests fail at once: they share one refresh, because a refresh token works only once.
    const [a, b] = await Promise.all([apiClient.get("/api/fleet/summary"), apiClient.get("/api/fleet/summary")]);

    expect(a).toEqual({ clusters: 10 });
    expect(b).toEqual({ clusters: 10 });
    const refreshes = requests().filter((r) => r.url.pathname === "/api/auth/refresh");
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0].body).toEqual({ refresh_token: "refresh-old" });
    expect(refreshes[0].headers.Authorization).toBeUndefined();
    expect(getSession()).toMatchObject({ accessToken: "access-new", refreshToken: "refresh-new" });
    // Kept for the next reload of this tab.
    forgetLoadedSession();
    expect(getSession()?.refreshToken).toBe("refresh-new");
  });

  it("sends the user to /login?next=<path> when the refresh is refused, and forgets the tokens", async () => {
    signIn();
    window.history.replaceState(null, "", "/issues/42?tab=alerts");
    const expired = vi.fn();
    setSessionExpiredHandler(expired);
    const { requests } = mockFetch((url) =>
      url.pathname === "/api/auth/refresh"
        ? problemResponse(401, "Unauthorized", "The refresh token is not valid.")
        : problemResponse(401, "Unauthorized", "The access token has expired."),
    );

    await expect(apiClient.get("/api/fleet/summary")).rejects.toMatchObject({ status: 401 });

    expect(expired).toHaveBeenCalledWith(`/login?next=${encodeURIComponent("/issues/42?tab=alerts")}`);
    expect(getSession()).toBeNull();
    expect(sessionStorage.length).toBe(0);
    expect(requests().map((r) => r.url.pathname)).toEqual(["/api/fleet/summary", "/api/auth/refresh"]);
  });

  it("sends the user to login when a retried request is still refused", async () => {
    signIn();
    const expired = vi.fn();
    setSessionExpiredHandler(expired);
    mockFetch((url) =>
      url.pathname === "/api/auth/refresh" ? jsonResponse(tokens("admin", "new")) : problemResponse(401, "Unauthorized", "No."),
    );

    await expect(apiClient.get("/api/auth/me")).rejects.toMatchObject({ status: 401 });
    expect(expired).toHaveBeenCalledWith("/login");
    expect(getSession()).toBeNull();
  });

  it("does not refresh on the 401 of a sign-in: that 401 is the answer", async () => {
    const expired = vi.fn();
    setSessionExpiredHandler(expired);
    const { requests } = mockFetch(() => problemResponse(401, "Unauthorized", "invalid email or password"));

    await expect(
      apiClient.post("/api/auth/login", { email: "a@example.com", password: "wrong-password" }, { auth: "none" }),
    ).rejects.toMatchObject({ status: 401, detail: "invalid email or password" });
    expect(requests()).toHaveLength(1);
    expect(expired).not.toHaveBeenCalled();
  });

  it("keeps the session when the refresh cannot reach the server", async () => {
    signIn();
    const expired = vi.fn();
    setSessionExpiredHandler(expired);
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: RequestInfo | URL) => {
        if (String(input).includes("/api/auth/refresh")) throw new TypeError("Failed to fetch");
        return problemResponse(401, "Unauthorized", "expired");
      }),
    );

    await expect(apiClient.get("/api/fleet/summary")).rejects.toMatchObject({ status: 0 });
    expect(expired).not.toHaveBeenCalled();
    expect(getSession()).not.toBeNull();
  });

  it("reads Retry-After of a 429", async () => {
    mockFetch(() => problemResponse(429, "Too Many Requests", "Too many failed sign-ins.", { "Retry-After": "42" }));

    await expect(apiClient.post("/api/auth/login", {}, { auth: "none" })).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 42,
    });
  });

  it("removes the token the pre-login version kept in localStorage and never sends it", async () => {
    localStorage.setItem("byoc.access_token", "legacy");
    forgetLoadedSession();
    const { fetchMock } = mockFetch(() => jsonResponse({}));

    await apiClient.get("/api/fleet/summary").catch(() => undefined);

    expect(localStorage.getItem("byoc.access_token")).toBeNull();
    expect(bearer(fetchMock.mock.calls[0][1])).toBeUndefined();
  });
});

describe("buildQueryString", () => {
  it("drops empty values and encodes the rest", () => {
    expect(buildQueryString({ sort: "cluster_name,asc", q: "a b", region: null })).toBe("?sort=cluster_name%2Casc&q=a+b");
    expect(buildQueryString({ q: "" })).toBe("");
  });
});
