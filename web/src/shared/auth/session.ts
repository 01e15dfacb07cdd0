export type Role = "admin" | "operator" | "viewer";

export interface SessionUser {
  user_id: string;
  email: string;
  display_name: string | null;
  role: Role;
}

/** The answer of POST /api/auth/login, /refresh and /activate. */
export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token: string;
  user: SessionUser;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds; informational, the server's 401 is what counts. */
  expiresAt: number;
  user: SessionUser;
}

/*
 * Where the tokens live: in memory, mirrored to sessionStorage.
 * - Memory alone would sign the user out on every reload, and deep links (/issues/42) are reloads.
 * - sessionStorage survives reloads of this tab only: it is gone when the tab closes and is not
 *   shared with other tabs. Sharing (localStorage) would let two tabs rotate the same refresh token
 *   and trip the server's reuse detection, and would keep tokens on disk indefinitely.
 * - The API is a bearer-token API (no cookies), so there is nothing for CSRF to ride on; the price is
 *   that script injected into the page could read the tokens, as it could from memory. The access
 *   token is short-lived and the refresh token rotates on every use, which bounds that.
 */
const STORAGE_KEY = "byoc.session";
/** The pre-login hack stored a bare token here; it is removed on start and never read. */
const LEGACY_ACCESS_TOKEN_KEY = "byoc.access_token";

let current: Session | null | undefined;
const listeners = new Set<() => void>();

function storage(kind: "sessionStorage" | "localStorage"): Storage | null {
  try {
    return globalThis[kind] ?? null;
  } catch {
    return null; // storage disabled by the browser
  }
}

function isSession(value: unknown): value is Session {
  const s = value as Session | null;
  return (
    typeof s === "object" &&
    s !== null &&
    typeof s.accessToken === "string" &&
    typeof s.refreshToken === "string" &&
    typeof s.user?.user_id === "string"
  );
}

function load(): Session | null {
  storage("localStorage")?.removeItem(LEGACY_ACCESS_TOKEN_KEY);
  const raw = storage("sessionStorage")?.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function store(next: Session | null) {
  current = next;
  const s = storage("sessionStorage");
  if (next) s?.setItem(STORAGE_KEY, JSON.stringify(next));
  else s?.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener();
}

export function getSession(): Session | null {
  if (current === undefined) current = load();
  return current;
}

export function startSession(tokens: TokenResponse): Session {
  const session: Session = {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: Date.now() + Math.max(0, tokens.expires_in) * 1000,
    user: tokens.user,
  };
  store(session);
  return session;
}

export function updateSessionUser(user: SessionUser) {
  const session = getSession();
  if (!session) return;
  const same =
    session.user.user_id === user.user_id &&
    session.user.email === user.email &&
    session.user.display_name === user.display_name &&
    session.user.role === user.role;
  if (!same) store({ ...session, user });
}

export function clearSession() {
  store(null);
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tests start each case from what storage holds, as a fresh page load would. */
export function forgetLoadedSession() {
  current = undefined;
}
