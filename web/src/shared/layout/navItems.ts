export interface NavItem {
  label: string;
  path: string;
  /** False until the page is built; the nav greys it out and its route says so. */
  available: boolean;
}

/** The twelve pages of the product (DESIGN.md section 8), in nav order. */
export const NAV_ITEMS: NavItem[] = [
  { label: "Overview", path: "/overview", available: true },
  { label: "Issues", path: "/issues", available: false },
  { label: "Raw Alerts", path: "/raw-alerts", available: false },
  { label: "Breaking Point", path: "/breaking", available: false },
  { label: "Usage Patterns", path: "/usage", available: false },
  { label: "Investigations", path: "/investigations", available: false },
  { label: "AI Issues", path: "/ai-issues", available: false },
  { label: "Patrol", path: "/patrol", available: false },
  { label: "Chat", path: "/chat", available: false },
  { label: "LLM Usage", path: "/llm-usage", available: false },
  { label: "Settings", path: "/settings", available: false },
  { label: "Help", path: "/help", available: false },
];
