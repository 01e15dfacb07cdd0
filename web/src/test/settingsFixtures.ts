import type { Channel, InviteRow, UserRow } from "../features/settings/settingsTypes";

export const users: UserRow[] = [
  {
    user_id: "u-admin",
    email: "admin@example.com",
    display_name: "Test admin",
    role: "admin",
    status: "active",
    created_at: "2026-11-01T08:00:00",
    last_login_at: "2026-11-29T04:00:00",
  },
  {
    user_id: "u-2",
    email: "ops@example.com",
    display_name: null,
    role: "operator",
    status: "active",
    created_at: "2026-11-02T08:00:00",
    last_login_at: null,
  },
  {
    user_id: "u-3",
    email: "gone@example.com",
    display_name: "Gone",
    role: "viewer",
    status: "disabled",
    created_at: "2026-11-03T08:00:00",
    last_login_at: null,
  },
];

export const invites: InviteRow[] = [
  { invite_id: "i-1", email: "new@example.com", role: "viewer", status: "pending", expires_at: "2026-12-02T08:00:00Z" },
];

export const larkChannel: Channel = {
  channel_id: "ch-1",
  name: "SRE Lark group",
  kind: "lark_bot",
  url_hint: "https://open.larksuite.com/…",
  min_severity: "warning",
  enabled: true,
  has_secret: true,
};
