import { Link } from "react-router";
import { IngestionHelp } from "../features/help/IngestionHelp";
import { PAGE_GUIDE } from "../features/help/pageGuide";
import { useFeatures } from "../shared/features/useFeatures";
import { SHORTCUTS } from "../shared/keyboard/shortcuts";
import { NAV_ITEMS, pageAvailability } from "../shared/layout/navItems";
import { Panel } from "../shared/ui/Panel";

function Kbd({ children }: { children: string }) {
  return (
    <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100">
      {children}
    </kbd>
  );
}

export function HelpPage() {
  const features = useFeatures();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">Help</h1>

      <Panel title="The pages">
        <dl className="space-y-3 text-sm">
          {NAV_ITEMS.map((item) => {
            const available = pageAvailability(item, features.data) === "available";
            return (
              <div key={item.key}>
                <dt className="flex items-center gap-2 font-medium text-slate-900 dark:text-slate-100">
                  {available ? (
                    <Link to={item.path} className="text-sky-700 hover:underline dark:text-sky-400">
                      {item.label}
                    </Link>
                  ) : (
                    item.label
                  )}
                  {!available && (
                    <span className="rounded bg-slate-100 px-1.5 text-[10px] font-medium tracking-wide text-slate-500 uppercase dark:bg-slate-800 dark:text-slate-400">
                      not available yet
                    </span>
                  )}
                </dt>
                <dd className="mt-0.5 text-slate-600 dark:text-slate-300">{PAGE_GUIDE[item.key]}</dd>
              </div>
            );
          })}
        </dl>
      </Panel>

      <IngestionHelp />

      <Panel title="Keyboard shortcuts">
        <table aria-label="Keyboard shortcuts" className="text-sm">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys.join(" ")}>
                <td className="py-1 pr-4 whitespace-nowrap">
                  {s.keys.map((k, i) => (
                    <span key={i}>
                      {i > 0 && <span className="px-1 text-xs text-slate-400">then</span>}
                      <Kbd>{k}</Kbd>
                    </span>
                  ))}
                </td>
                <td className="py-1 text-slate-600 dark:text-slate-300">{s.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Shortcuts are ignored while you type in a field.</p>
      </Panel>
    </div>
  );
}
