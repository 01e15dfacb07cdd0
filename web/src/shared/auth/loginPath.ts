/**
 * Only same-site paths are followed after sign-in: `//evil.example` and `https://…` are open
 * redirects, and going back to the login page itself would loop.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/overview";
  if (next === "/" || next.startsWith("/login") || next.startsWith("/activate")) return "/overview";
  return next;
}

/** `/login?next=/issues/42`, or plain `/login` when there is nowhere worth returning to. */
export function loginPath(next?: string): string {
  if (!next || (safeNextPath(next) === "/overview" && next !== "/overview")) return "/login";
  return `/login?next=${encodeURIComponent(next)}`;
}
