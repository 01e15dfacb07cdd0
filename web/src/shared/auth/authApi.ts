import { apiClient } from "../api/apiClient";
import { clearSession, getSession, startSession, type SessionUser, type TokenResponse } from "./session";

export async function login(email: string, password: string): Promise<TokenResponse> {
  const tokens = await apiClient.post<TokenResponse>("/api/auth/login", { email, password }, { auth: "none" });
  startSession(tokens);
  return tokens;
}

export async function activate(token: string, password: string, displayName: string): Promise<TokenResponse> {
  const body: Record<string, string> = { token, password };
  if (displayName.trim()) body.display_name = displayName.trim();
  const tokens = await apiClient.post<TokenResponse>("/api/auth/activate", body, { auth: "none" });
  startSession(tokens);
  return tokens;
}

export function fetchMe(signal?: AbortSignal): Promise<SessionUser> {
  return apiClient.get<SessionUser>("/api/auth/me", undefined, signal);
}

/**
 * Revokes this sign-in on the server, then forgets the tokens whatever the server said: a user who
 * clicks "Sign out" must end up signed out here even when the server is unreachable.
 */
export async function logout(): Promise<void> {
  const session = getSession();
  try {
    if (session) await apiClient.post<void>("/api/auth/logout", { refresh_token: session.refreshToken });
  } catch {
    // Already expired or unreachable: the local sign-out below is what the user asked for.
  } finally {
    clearSession();
  }
}
