export interface Shortcut {
  keys: string[];
  description: string;
  /** A path to open, or a named action the shell performs. */
  action: { go: string } | { do: "focus-search" | "close" };
}

/** Every shortcut the app answers to; the Help page lists this same table. */
export const SHORTCUTS: Shortcut[] = [
  { keys: ["g", "o"], description: "Go to the Overview", action: { go: "/overview" } },
  { keys: ["g", "s"], description: "Go to Settings", action: { go: "/settings" } },
  { keys: ["g", "h"], description: "Go to Help", action: { go: "/help" } },
  { keys: ["/"], description: "Focus the search box of the page (the cluster search on the Overview)", action: { do: "focus-search" } },
  { keys: ["?"], description: "Open Help", action: { go: "/help" } },
  { keys: ["Esc"], description: "Close the cluster drawer or the user menu", action: { do: "close" } },
];

/** Typing in a field must never trigger navigation. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (target as HTMLInputElement).type;
  return !["checkbox", "radio", "button", "submit", "reset"].includes(type);
}
