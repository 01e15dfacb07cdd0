const DASH = "—";
const ZONE_SUFFIX = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * API timestamps are UTC. Most come without a zone (`2026-11-29T04:00:00`, from LocalDateTime
 * columns); a few carry one (`…Z`, from Instants). Both parse to the same instant.
 */
export function parseApiTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  // A plain date (contract_start) names a calendar day, not an instant: it is not shifted.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return null;
  const text = value.trim().replace(" ", "T");
  const date = new Date(ZONE_SUFFIX.test(text) ? text : `${text}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, withSeconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withSeconds}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: withSeconds ? "2-digit" : undefined,
      hourCycle: "h23",
    });
    formatters.set(key, f);
  }
  return f;
}

export interface DateTimeOptions {
  /** `2026-11-29` instead of `2026-11-29 05:00`. */
  dateOnly?: boolean;
  withSeconds?: boolean;
}

/**
 * The one timestamp format of the app: ISO-like `YYYY-MM-DD HH:mm` in `timeZone` (24 h), so
 * columns line up and sort as text. Unparseable input is shown as given rather than hidden.
 */
export function formatDateTime(
  value: string | Date | null | undefined,
  timeZone: string,
  options: DateTimeOptions = {},
): string {
  if (value === null || value === undefined || value === "") return DASH;
  const date = value instanceof Date ? value : parseApiTime(value);
  if (!date) return String(value);
  const zone = isValidTimeZone(timeZone) ? timeZone : "UTC";
  const parts = Object.fromEntries(
    formatter(zone, Boolean(options.withSeconds)).formatToParts(date).map((p) => [p.type, p.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  if (options.dateOnly) return day;
  const time = `${parts.hour}:${parts.minute}${options.withSeconds ? `:${parts.second}` : ""}`;
  return `${day} ${time}`;
}

/** Short zone name for labels, e.g. "CET" or "GMT+9" (falls back to the IANA name). */
export function timeZoneAbbreviation(timeZone: string, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName");
    return part?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}
