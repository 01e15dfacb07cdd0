import { ApiError, type ProblemDetail } from "./ApiError";

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** Where a future login page stores the bearer token; the client sends it when present. */
export const ACCESS_TOKEN_KEY = "byoc.access_token";

/** Builds `?a=1&b=x`, dropping null, undefined and empty-string values; keeps insertion order. */
export function buildQueryString(params?: QueryParams): string {
  if (!params) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

function accessToken(): string | null {
  try {
    return globalThis.localStorage?.getItem(ACCESS_TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const contentType = response.headers.get("content-type") ?? "";
  const fallbackTitle = response.statusText || `HTTP ${response.status}`;
  if (contentType.includes("json")) {
    try {
      const problem = (await response.json()) as ProblemDetail;
      return new ApiError(
        typeof problem.status === "number" ? problem.status : response.status,
        typeof problem.title === "string" && problem.title ? problem.title : fallbackTitle,
        typeof problem.detail === "string" ? problem.detail : undefined,
        problem,
      );
    } catch {
      // A JSON content type with an unreadable body: fall through to the status line.
    }
  }
  return new ApiError(response.status, fallbackTitle);
}

async function request<T>(method: string, path: string, params?: QueryParams, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
  const token = accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(path + buildQueryString(params), { method, headers, signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "Network error", "The server could not be reached. Check that the backend is running.");
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The one HTTP client of the web app; feature hooks wrap it. */
export const apiClient = {
  get<T>(path: string, params?: QueryParams, signal?: AbortSignal): Promise<T> {
    return request<T>("GET", path, params, signal);
  },
};
