import { describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, problemResponse } from "../../test/mockFetch";
import { ApiError } from "./ApiError";
import { ACCESS_TOKEN_KEY, apiClient, buildQueryString } from "./apiClient";

describe("apiClient", () => {
  it("turns an application/problem+json response into an ApiError with title, detail and status", async () => {
    mockFetch(() => problemResponse(404, "Cluster not found", "No cluster with id c-404."));

    const error = await apiClient.get("/api/fleet/clusters/c-404").catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, title: "Cluster not found", detail: "No cluster with id c-404." });
    expect((error as ApiError).problem?.type).toBe("about:blank");
  });

  it("falls back to the status line when the error body is not a problem detail", async () => {
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

  it("returns parsed JSON and sends query parameters and the stored bearer token", async () => {
    localStorage.setItem(ACCESS_TOKEN_KEY, "tok-123");
    const { fetchMock, urls } = mockFetch(() => jsonResponse({ ok: true }));

    const body = await apiClient.get<{ ok: boolean }>("/api/fleet/clusters", { page: 2, q: "", state: undefined, tier: "S" });

    expect(body).toEqual({ ok: true });
    expect(urls()[0].pathname + urls()[0].search).toBe("/api/fleet/clusters?page=2&tier=S");
    const init = fetchMock.mock.calls[0][1] as RequestInit;
    expect((init.headers as Record<string, string>).Authorization).toBe("Bearer tok-123");
  });
});

describe("buildQueryString", () => {
  it("drops empty values and encodes the rest", () => {
    expect(buildQueryString({ sort: "cluster_name,asc", q: "a b", region: null })).toBe("?sort=cluster_name%2Casc&q=a+b");
    expect(buildQueryString({ q: "" })).toBe("");
  });
});
