import { isApiError } from "../api/ApiError";

export type ToastTone = "error" | "success" | "info";

export interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  detail?: string;
}

const AUTO_DISMISS_MS: Record<ToastTone, number> = { error: 8000, success: 4000, info: 5000 };
const MAX_TOASTS = 4;

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function emit() {
  for (const listener of listeners) listener();
}

export function dismissToast(id: number) {
  clearTimeout(timers.get(id));
  timers.delete(id);
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

function show(tone: ToastTone, title: string, detail?: string): number {
  const id = nextId++;
  // The same message twice in a row (a retried request, two failing queries) is shown once.
  const last = toasts[toasts.length - 1];
  if (last && last.tone === tone && last.title === title && last.detail === detail) return last.id;
  toasts = [...toasts, { id, tone, title, detail }].slice(-MAX_TOASTS);
  timers.set(id, setTimeout(() => dismissToast(id), AUTO_DISMISS_MS[tone]));
  emit();
  return id;
}

/** Small on purpose: a queue of messages in the corner, no library. */
export const toast = {
  error: (title: string, detail?: string) => show("error", title, detail),
  success: (title: string, detail?: string) => show("success", title, detail),
  info: (title: string, detail?: string) => show("info", title, detail),
  /** An API error with the server's problem detail, or `fallback` for anything else. */
  fromError(error: unknown, fallback = "Something went wrong") {
    if (isApiError(error)) return show("error", error.title, error.detail);
    return show("error", fallback, error instanceof Error ? error.message : undefined);
  },
};

export function getToasts(): Toast[] {
  return toasts;
}

export function subscribeToasts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function clearToasts() {
  for (const timer of timers.values()) clearTimeout(timer);
  timers.clear();
  toasts = [];
  emit();
}
