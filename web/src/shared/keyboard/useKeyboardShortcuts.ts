import { useEffect } from "react";
import { useNavigate } from "react-router";
import { isTypingTarget, SHORTCUTS } from "./shortcuts";

/** How long after "g" the second key still counts. */
const SEQUENCE_MS = 1500;

/** The element "/" focuses: pages mark their main search box with data-shortcut="search". */
export function focusPageSearch(): boolean {
  const box = document.querySelector<HTMLElement>('[data-shortcut="search"]');
  box?.focus();
  return Boolean(box);
}

/** Listens for the shortcuts of SHORTCUTS ("Esc" is handled by the components it closes). */
export function useKeyboardShortcuts() {
  const navigate = useNavigate();

  useEffect(() => {
    let pending: string | null = null;
    let pendingAt = 0;

    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      const key = event.key;
      const now = Date.now();
      const sequence = pending && now - pendingAt <= SEQUENCE_MS ? [pending, key] : [key];
      pending = null;

      const match = SHORTCUTS.find((s) => s.keys.length === sequence.length && s.keys.every((k, i) => k === sequence[i]));
      if (match) {
        if ("go" in match.action) {
          event.preventDefault();
          navigate(match.action.go);
        } else if (match.action.do === "focus-search" && focusPageSearch()) {
          event.preventDefault();
        }
        return;
      }
      if (SHORTCUTS.some((s) => s.keys.length > 1 && s.keys[0] === key)) {
        pending = key;
        pendingAt = now;
      }
    };

    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [navigate]);
}
