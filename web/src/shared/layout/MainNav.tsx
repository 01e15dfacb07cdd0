import { NavLink } from "react-router";
import type { Features } from "../features/useFeatures";
import { NAV_ITEMS, pageAvailability } from "./navItems";

export function MainNav({ features }: { features: Features | undefined }) {
  return (
    <nav aria-label="Main" className="flex-1 overflow-y-auto px-2 py-3">
      <ul className="space-y-0.5">
        {NAV_ITEMS.map((item) => {
          const availability = pageAvailability(item, features);
          return (
            <li key={item.path}>
              {availability === "available" ? (
                <NavLink
                  to={item.path}
                  className={({ isActive }) =>
                    `block rounded px-3 py-1.5 text-sm ${
                      isActive
                        ? "bg-slate-900 font-medium text-white dark:bg-slate-100 dark:text-slate-900"
                        : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
                    }`
                  }
                >
                  {item.label}
                </NavLink>
              ) : (
                <span
                  aria-disabled="true"
                  title={`${item.label} is not available yet`}
                  className="flex cursor-not-allowed items-center justify-between rounded px-3 py-1.5 text-sm text-slate-400 dark:text-slate-500"
                >
                  {item.label}
                  <span className="rounded bg-slate-100 px-1.5 text-[10px] font-medium tracking-wide text-slate-400 uppercase dark:bg-slate-800 dark:text-slate-500">
                    coming
                  </span>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
