import { useMemo, useState, type FormEvent } from "react";
import { PAGE_SIZES } from "../fleet/clusterQuery";
import { browserTimeZone, formatDateTime } from "../../shared/format/formatDateTime";
import { usePreferences, useSavePreferences, type Preferences } from "../../shared/preferences/usePreferences";
import { ThemeToggle } from "../../shared/theme/ThemeToggle";
import { toast } from "../../shared/toast/toastStore";
import { Button } from "../../shared/ui/Button";
import { ErrorState } from "../../shared/ui/ErrorState";
import { inputClass } from "../../shared/ui/FormField";
import { LoadingState } from "../../shared/ui/LoadingState";
import { Panel } from "../../shared/ui/Panel";

const FILTER_CHOICES = {
  state: ["RUNNING", "SUSPENDED", "ABNORMAL", "RELEASED"],
  type: ["CLASSIC", "ELASTIC"],
  tier: ["S", "A", "B"],
} as const;
type FilterField = keyof typeof FILTER_CHOICES;
const FILTER_LABELS: Record<FilterField, string> = { state: "State", type: "Type", tier: "Tier" };

/** Every IANA zone the browser knows, UTC included (some engines leave it out of the list). */
export function timeZoneOptions(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

function PreferencesForm({ initial }: { initial: Preferences }) {
  const [draft, setDraft] = useState<Preferences>(initial);
  const save = useSavePreferences();
  const zones = useMemo(timeZoneOptions, []);
  const browserZone = browserTimeZone();
  const filters = draft.default_filters ?? {};

  const setFilter = (field: string, value: string | number | undefined) =>
    setDraft((d) => {
      const next = { ...(d.default_filters ?? {}) };
      if (value === undefined || value === "") delete next[field];
      else next[field] = value;
      return { ...d, default_filters: next };
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, { onSuccess: () => toast.success("Preferences saved") });
  };

  const previewZone = draft.time_zone || browserZone;
  return (
    <form aria-label="Preferences" onSubmit={submit} className="space-y-5">
      <div className="grid gap-4 md:grid-cols-2">
        <label className="block text-sm font-medium text-slate-700 dark:text-slate-300">
          Time zone
          <select
            name="time_zone"
            value={draft.time_zone ?? ""}
            onChange={(e) => setDraft({ ...draft, time_zone: e.target.value || null })}
            className={inputClass}
          >
            <option value="">Browser default ({browserZone})</option>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          <span className="mt-1 block text-xs font-normal text-slate-500 dark:text-slate-400">
            Times are stored in UTC and shown in this zone. Now: {formatDateTime(new Date(), previewZone)}
          </span>
        </label>
        <div className="text-sm font-medium text-slate-700 dark:text-slate-300">
          <p className="mb-1">Theme</p>
          <ThemeToggle value={draft.theme} onChange={(theme) => setDraft({ ...draft, theme })} />
        </div>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">Default filters of the cluster table</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {(Object.keys(FILTER_CHOICES) as FilterField[]).map((field) => (
            <label key={field} className="text-xs text-slate-500 dark:text-slate-400">
              {FILTER_LABELS[field]}
              <select
                value={typeof filters[field] === "string" ? (filters[field] as string) : ""}
                onChange={(e) => setFilter(field, e.target.value)}
                className={inputClass}
              >
                <option value="">All</option>
                {FILTER_CHOICES[field].map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label className="text-xs text-slate-500 dark:text-slate-400">
            Rows per page
            <select
              value={String(filters.size ?? PAGE_SIZES[0])}
              onChange={(e) => setFilter("size", Number(e.target.value))}
              className={inputClass}
            >
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
        </div>
      </fieldset>
      <Button type="submit" variant="primary" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save preferences"}
      </Button>
    </form>
  );
}

export function PreferencesSection() {
  const preferences = usePreferences();
  return (
    <Panel title="Preferences">
      {preferences.isPending ? (
        <LoadingState label="Loading preferences…" />
      ) : preferences.isError ? (
        <ErrorState error={preferences.error} onRetry={() => void preferences.refetch()} />
      ) : (
        <PreferencesForm initial={preferences.data} />
      )}
    </Panel>
  );
}
