import { NavLink, Outlet } from "react-router";
import { NAV_ITEMS } from "./navItems";

export function AppShell() {
  return (
    <div className="flex min-h-screen bg-slate-50 text-slate-900">
      <aside className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-r border-slate-200 bg-white">
        <div className="flex items-center gap-2 border-b border-slate-200 px-4 py-3">
          <img src="/favicon.svg" alt="" className="size-6" />
          <span className="font-semibold tracking-tight">BYOC Fleet</span>
        </div>
        <nav aria-label="Main" className="flex-1 overflow-y-auto px-2 py-3">
          <ul className="space-y-0.5">
            {NAV_ITEMS.map((item) => (
              <li key={item.path}>
                {item.available ? (
                  <NavLink
                    to={item.path}
                    className={({ isActive }) =>
                      `block rounded px-3 py-1.5 text-sm ${
                        isActive ? "bg-slate-900 font-medium text-white" : "text-slate-700 hover:bg-slate-100"
                      }`
                    }
                  >
                    {item.label}
                  </NavLink>
                ) : (
                  <span
                    aria-disabled="true"
                    title={`${item.label} is coming in a later version`}
                    className="flex cursor-not-allowed items-center justify-between rounded px-3 py-1.5 text-sm text-slate-400"
                  >
                    {item.label}
                    <span className="rounded bg-slate-100 px-1.5 text-[10px] font-medium tracking-wide text-slate-400 uppercase">
                      coming
                    </span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <main className="min-w-0 flex-1 px-6 py-5">
        <Outlet />
      </main>
    </div>
  );
}
