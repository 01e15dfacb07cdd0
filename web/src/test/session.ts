import { startSession, type Role, type SessionUser, type TokenResponse } from "../shared/auth/session";

export function testUser(role: Role = "admin"): SessionUser {
  return { user_id: `u-${role}`, email: `${role}@example.com`, display_name: `Test ${role}`, role };
}

export function tokens(role: Role = "admin", suffix = "1"): TokenResponse {
  return {
    access_token: `access-${suffix}`,
    token_type: "Bearer",
    expires_in: 900,
    refresh_token: `refresh-${suffix}`,
    user: testUser(role),
  };
}

/** Signs a test user in, as a login would have. */
export function signIn(role: Role = "admin", suffix = "1") {
  return startSession(tokens(role, suffix));
}
