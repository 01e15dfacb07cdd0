import type { Role } from "../../shared/auth/session";

export const ROLES: Role[] = ["admin", "operator", "viewer"];

export type UserStatus = "active" | "disabled" | "invited";

/** GET /api/auth/users */
export interface UserRow {
  user_id: string;
  email: string;
  display_name: string | null;
  role: Role;
  status: UserStatus;
  created_at: string | null;
  last_login_at: string | null;
}

/** GET /api/auth/invites (never carries the token). */
export interface InviteRow {
  invite_id: string;
  email: string;
  role: Role;
  expires_at: string | null;
  status?: string;
  invited_by?: string | null;
  created_at?: string | null;
  used_at?: string | null;
}

/** POST /api/auth/invites: the only answer that carries the token. */
export interface InviteCreated {
  invite_id: string;
  email: string;
  role: Role;
  expires_at: string;
  token: string;
  activation_path: string;
}

export type ChannelKind = "lark_bot" | "webhook";
export type Severity = "critical" | "warning" | "info";

export const CHANNEL_KINDS: { value: ChannelKind; label: string }[] = [
  { value: "lark_bot", label: "Lark custom bot" },
  { value: "webhook", label: "Generic webhook" },
];
export const SEVERITIES: Severity[] = ["critical", "warning", "info"];

/**
 * Whether a channel's stored credentials can be used: "unreadable" when the server cannot decrypt
 * them with its current key (or they were changed in the store); the channel must be saved again.
 */
export type SecretState = "none" | "stored" | "unreadable";

/**
 * A notification channel as the API returns it: neither the URL (it can carry a token) nor the
 * secret comes back, only a hint of the URL's host.
 */
export interface Channel {
  channel_id: string;
  name: string;
  kind: ChannelKind;
  url_hint: string;
  auth?: string;
  min_severity: Severity;
  enabled: boolean;
  has_secret: boolean;
  secret_state?: SecretState;
  /** Why the stored credentials cannot be used, when secret_state is "unreadable". */
  problem?: string | null;
}

/** Create/update body; `url` and `secret` are write-only and left out on update to keep the stored ones. */
export interface ChannelInput {
  name: string;
  kind: ChannelKind;
  url?: string;
  min_severity: Severity;
  enabled: boolean;
  secret?: string;
}

export interface ChannelTestResult {
  delivered: boolean;
  retryable?: boolean;
  http_status?: number | null;
  code?: number | null;
  detail?: string | null;
}

export interface LookerConfig {
  configured: boolean;
  host: string | null;
}
