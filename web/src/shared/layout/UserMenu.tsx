import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { logout } from "../auth/authApi";
import type { SessionUser } from "../auth/session";
import { usePreferences, useSavePreferences } from "../preferences/usePreferences";
import { storedTheme, type Theme } from "../theme/theme";
import { ThemeToggle } from "../theme/ThemeToggle";

const ROLE_LABELS: Record<string, string> = { admin: "Admin", operator: "Operator", viewer: "Viewer" };

export function UserMenu({ user }: { user: SessionUser }) {
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const preferences = usePreferences();
  const save = useSavePreferences();
  const theme = preferences.data?.theme ?? storedTheme();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const changeTheme = (next: Theme) => {
    if (!preferences.data) return;
    save.mutate({ ...preferences.data, theme: next });
  };

  const signOut = async () => {
    setSigningOut(true);
    await logout();
    // Nothing of this user's data may outlive the sign-out in the cache.
    queryClient.clear();
    navigate("/login", { replace: true });
  };

  const name = user.display_name || user.email;
  return (
    <div ref={rootRef} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`User menu for ${name}`}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true" className="flex size-7 items-center justify-center rounded-full bg-sky-600 text-xs font-semibold text-white uppercase">
          {name.slice(0, 1)}
        </span>
        <span className="font-medium text-slate-800 dark:text-slate-100">{name}</span>
        <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          {ROLE_LABELS[user.role] ?? user.role}
        </span>
      </button>
      {open && (
        <div
          id={panelId}
          className="absolute right-0 z-30 mt-1 w-72 space-y-3 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <div>
            <p className="font-medium text-slate-900 dark:text-slate-100">{name}</p>
            <p className="text-slate-500 dark:text-slate-400">{user.email}</p>
            <p className="text-slate-500 dark:text-slate-400">Role: {ROLE_LABELS[user.role] ?? user.role}</p>
          </div>
          <div className="space-y-1">
            <p className="text-xs font-medium text-slate-500 dark:text-slate-400">Theme</p>
            <ThemeToggle value={theme} onChange={changeTheme} disabled={!preferences.data} />
          </div>
          <button
            type="button"
            onClick={() => void signOut()}
            disabled={signingOut}
            className="w-full rounded-md border border-slate-300 px-3 py-1.5 text-left font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
          >
            {signingOut ? "Signing out…" : "Sign out"}
          </button>
        </div>
      )}
    </div>
  );
}
