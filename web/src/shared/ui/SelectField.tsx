const CONTROL =
  "mt-0.5 rounded border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-1.5 text-sm text-slate-900 dark:text-slate-100 focus:border-sky-500 focus:outline-none";

export type Option = string | { value: string; label: string };

interface SelectFieldProps {
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  /** The label of the empty value; none when the field always has a value. */
  emptyLabel?: string;
}

/** A labelled select of a filter bar. */
export function SelectField({ label, value, options, onChange, emptyLabel = "All" }: SelectFieldProps) {
  return (
    <label className="flex flex-col text-xs text-slate-500 dark:text-slate-400">
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)} className={CONTROL}>
        {emptyLabel !== "" && <option value="">{emptyLabel}</option>}
        {options.map((o) => {
          const { value: v, label: l } = typeof o === "string" ? { value: o, label: o } : o;
          return (
            <option key={v} value={v}>
              {l}
            </option>
          );
        })}
      </select>
    </label>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: "text" | "number" | "search";
  className?: string;
}

/** A labelled text or number input of a filter bar. */
export function TextField({ label, value, onChange, placeholder, type = "text", className = "" }: TextFieldProps) {
  return (
    <label className={`flex flex-col text-xs text-slate-500 dark:text-slate-400 ${className}`}>
      {label}
      <input
        type={type}
        value={value}
        min={type === "number" ? 0 : undefined}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        className={`${CONTROL} placeholder:text-slate-400`}
      />
    </label>
  );
}
