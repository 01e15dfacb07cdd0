import { loginPath } from "../auth/loginPath";
import { clearSession, getSession, startSession, type TokenResponse } from "../auth/session";
import { ApiError, parseRetryAfter, type ProblemDetail } from "./ApiError";

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions {
  params?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** The Accept header; JSON and problem details by default. */
  accept?: string;
  /**
   * "bearer" (default) sends the access token and, on a 401, refreshes once and retries.
   * "none" is for sign-in, activation and refresh, where a 401 is the answer itself.
   */
  auth?: "bearer" | "none";
}

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

type SessionExpiredHandler = (loginUrl: string) => void;

let onSessionExpired: SessionExpiredHandler = (loginUrl) => window.location.assign(loginUrl);

/** The app routes to the login page itself (no full reload); the default is a plain navigation. */
export function setSessionExpiredHandler(handler: SessionExpiredHandler) {
  onSessionExpired = handler;
}

function expireSession() {
  clearSession();
  const here = `${window.location.pathname}${window.location.search}`;
  if (window.location.pathname === "/login") return;
  onSessionExpired(loginPath(here));
}

async function toApiError(response: Response): Promise<ApiError> {
  const contentType = response.headers.get("content-type") ?? "";
  const fallbackTitle = response.statusText || `HTTP ${response.status}`;
  const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
  if (contentType.includes("json")) {
    try {
      const problem = (await response.json()) as ProblemDetail;
      return new ApiError(
        typeof problem.status === "number" ? problem.status : response.status,
        typeof problem.title === "string" && problem.title ? problem.title : fallbackTitle,
        typeof problem.detail === "string" ? problem.detail : undefined,
        problem,
        retryAfter,
      );
    } catch {
      // A JSON content type with an unreadable body: fall through to the status line.
    }
  }
  return new ApiError(response.status, fallbackTitle, undefined, undefined, retryAfter);
}

async function send(method: string, path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: options.accept ?? "application/json, application/problem+json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  try {
    return await fetch(path + buildQueryString(options.params), { method, headers, body, signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "Network error", "The server could not be reached. Check that the backend is running.");
  }
}

let refreshing: Promise<string | null> | null = null;

/**
 * Trades the refresh token for a new pair. Concurrent 401s share one call: the refresh token
 * rotates, so a second call with the same token would be taken for token theft by the server.
 * Resolves to the new access token, or null when the server refused (the session is over).
 */
function refreshAccessToken(): Promise<string | null> {
  refreshing ??= (async () => {
    const refreshToken = getSession()?.refreshToken;
    if (!refreshToken) return null;
    const response = await send("POST", "/api/auth/refresh", { body: { refresh_token: refreshToken } }, null);
    if (!response.ok) return null;
    return startSession((await response.json()) as TokenResponse).accessToken;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const bearer = options.auth !== "none";
  let response = await send(method, path, options, bearer ? (getSession()?.accessToken ?? null) : null);

  if (response.status === 401 && bearer) {
    const token = await refreshAccessToken();
    if (token) response = await send(method, path, options, token);
    if (!token || response.status === 401) {
      const error = await toApiError(response);
      expireSession();
      throw error;
    }
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204 || response.headers.get("content-length") === "0") return undefined as T;
  return (await response.json()) as T;
}

/**
 * POSTs and answers the raw response of a streamed answer (Server-Sent Events), after the same
 * token refresh as every request; a non-2xx answer becomes an ApiError.
 */
async function stream(path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  const options: RequestOptions = { body, signal, accept: "text/event-stream, application/problem+json" };
  let response = await send("POST", path, options, getSession()?.accessToken ?? null);
  if (response.status === 401) {
    const token = await refreshAccessToken();
    if (token) response = await send("POST", path, options, token);
    if (!token || response.status === 401) {
      const error = await toApiError(response);
      expireSession();
      throw error;
    }
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** The one HTTP client of the web app; feature hooks wrap it. */
export const apiClient = {
  get<T>(path: string, params?: QueryParams, signal?: AbortSignal): Promise<T> {
    return request<T>("GET", path, { params, signal });
  },
  post<T>(path: string, body?: unknown, options: Omit<RequestOptions, "body"> = {}): Promise<T> {
    return request<T>("POST", path, { ...options, body });
  },
  put<T>(path: string, body: unknown, options: Omit<RequestOptions, "body"> = {}): Promise<T> {
    return request<T>("PUT", path, { ...options, body });
  },
  patch<T>(path: string, body: unknown, options: Omit<RequestOptions, "body"> = {}): Promise<T> {
    return request<T>("PATCH", path, { ...options, body });
  },
  delete<T = void>(path: string, options: Omit<RequestOptions, "body"> = {}): Promise<T> {
    return request<T>("DELETE", path, options);
  },
  stream,
};
