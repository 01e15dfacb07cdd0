import { THEMES, type Theme } from "./theme";

interface ThemeToggleProps {
  value: Theme;
  onChange: (theme: Theme) => void;
  disabled?: boolean;
}

/** Light / dark / system as one segmented control. */
export function ThemeToggle({ value, onChange, disabled }: ThemeToggleProps) {
  return (
    <div role="radiogroup" aria-label="Theme" className="inline-flex rounded-md border border-slate-300 p-0.5 dark:border-slate-600">
      {THEMES.map((theme) => {
        const checked = theme.value === value;
        return (
          <button
            key={theme.value}
            type="button"
            role="radio"
            aria-checked={checked}
            disabled={disabled}
            onClick={() => onChange(theme.value)}
            className={`rounded px-2.5 py-1 text-xs font-medium disabled:opacity-50 ${
              checked
                ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900"
                : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
            }`}
          >
            {theme.label}
          </button>
        );
      })}
    </div>
  );
}
