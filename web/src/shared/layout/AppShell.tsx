import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Outlet, useLocation, useMatches } from "react-router";
import { isApiError } from "../api/ApiError";
import { fetchMe } from "../auth/authApi";
import { updateSessionUser } from "../auth/session";
import { useSession } from "../auth/useSession";
import { type Features, useFeatures } from "../features/useFeatures";
import { useKeyboardShortcuts } from "../keyboard/useKeyboardShortcuts";
import { usePreferences } from "../preferences/usePreferences";
import { storedTheme } from "../theme/theme";
import { useAppliedTheme } from "../theme/useAppliedTheme";
import { toast } from "../toast/toastStore";
import { LoadingState } from "../ui/LoadingState";
import { MainNav } from "./MainNav";
import { navItem, pageAvailability } from "./navItems";
import { isRoutePreload } from "./routePreload";
import { UserMenu } from "./UserMenu";

function useToastOnError(error: unknown, title: string) {
  useEffect(() => {
    if (error && !(isApiError(error) && error.status === 401)) {
      toast.error(title, isApiError(error) ? (error.detail ?? error.title) : undefined);
    }
  }, [error, title]);
}

/** Starts what the opened route preloads (its code, its first query) in parallel with the shell's own requests. */
function usePreloadOfOpenedRoute(features: Features | undefined) {
  const client = useQueryClient();
  const matches = useMatches();
  const { pathname, search } = useLocation();
  const preloads = matches.map((m) => m.handle).filter(isRoutePreload);
  useEffect(() => {
    preloads.forEach((p) => p.code());
    // once per opened address (the matches follow it), not on every render
  }, [pathname]);
  const on = features !== undefined;
  useEffect(() => {
    if (!on) return;
    preloads
      .filter((p) => pageAvailability(navItem(p.page), features) === "available")
      .forEach((p) => p.data(client, new URLSearchParams(search)));
  }, [client, on, pathname, search]);
}

/** The signed-in frame: navigation, user menu, theme, shortcuts; pages render in the outlet. */
export function AppShell() {
  const session = useSession();
  const features = useFeatures();
  const preferences = usePreferences();
  const me = useQuery({ queryKey: ["auth", "me"], queryFn: ({ signal }) => fetchMe(signal), staleTime: 5 * 60_000 });

  useEffect(() => {
    if (me.data) updateSessionUser(me.data);
  }, [me.data]);
  useAppliedTheme(preferences.data?.theme ?? (preferences.isError ? storedTheme() : undefined));
  useKeyboardShortcuts();
  usePreloadOfOpenedRoute(features.data);
  useToastOnError(features.error, "Could not load which pages are available");
  useToastOnError(preferences.error, "Could not load your preferences");

  // Pages read the time zone and default filters at mount: wait for both answers (or failures).
  const ready = !features.isPending && !preferences.isPending;

  return (
    <div className="flex min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <aside className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="flex items-center gap-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
          <img src="/favicon.svg" alt="" className="size-6" />
          <span className="font-semibold tracking-tight">BYOC Fleet</span>
        </div>
        {features.isPending ? <LoadingState label="Loading pages…" /> : <MainNav features={features.data} />}
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-end gap-3 border-b border-slate-200 bg-white px-6 py-2 dark:border-slate-800 dark:bg-slate-900">
          {session && <UserMenu user={session.user} />}
        </header>
        <main className="min-w-0 flex-1 px-6 py-5">{ready ? <Outlet /> : <LoadingState />}</main>
      </div>
    </div>
  );
}
