import type { Features, PageKey } from "../features/useFeatures";

export interface NavItem {
  key: PageKey;
  label: string;
  path: string;
  /** Whether this web app has the page; the server's /api/features decides whether it is on. */
  built: boolean;
}

/** The twelve pages of the product (DESIGN.md section 8), in nav order. */
export const NAV_ITEMS: NavItem[] = [
  { key: "overview", label: "Overview", path: "/overview", built: true },
  { key: "issues", label: "Issues", path: "/issues", built: true },
  { key: "raw_alerts", label: "Raw Alerts", path: "/raw-alerts", built: true },
  { key: "breaking", label: "Breaking Point", path: "/breaking", built: true },
  { key: "usage", label: "Usage Patterns", path: "/usage", built: true },
  { key: "investigations", label: "Investigations", path: "/investigations", built: true },
  { key: "ai_issues", label: "AI Issues", path: "/ai-issues", built: true },
  { key: "patrol", label: "Patrol", path: "/patrol", built: true },
  { key: "chat", label: "Chat", path: "/chat", built: true },
  { key: "llm_usage", label: "LLM Usage", path: "/llm-usage", built: true },
  { key: "settings", label: "Settings", path: "/settings", built: true },
  { key: "help", label: "Help", path: "/help", built: true },
];

export type Availability = "available" | "not-built" | "off";

/**
 * A page is usable when this app has it and the server says it is on. Without an answer from
 * /api/features (it failed) the built pages stay usable: they show their own errors.
 */
export function pageAvailability(item: NavItem, features: Features | undefined): Availability {
  if (!item.built) return "not-built";
  if (features && features.pages[item.key] !== true) return "off";
  return "available";
}

export function navItem(key: PageKey): NavItem {
  const item = NAV_ITEMS.find((i) => i.key === key);
  if (!item) throw new Error(`no nav item ${key}`);
  return item;
}
