const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

const DASH = "—";

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? DASH : integer.format(value);
}

export function formatDecimal(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? DASH : oneDecimal.format(value);
}

export function formatUsd(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? DASH : usd.format(value);
}

/** Week-over-week style change in percent, or null when there is no base to compare with. */
export function percentChange(current: number, previous: number): number | null {
  if (!Number.isFinite(current) || !Number.isFinite(previous) || previous === 0) return null;
  return ((current - previous) / previous) * 100;
}

export function formatPercentChange(change: number | null): string {
  if (change === null) return "n/a";
  const sign = change > 0 ? "+" : change < 0 ? "−" : "±";
  return `${sign}${oneDecimal.format(Math.abs(change))}%`;
}

export function formatText(value: unknown): string {
  if (value === null || value === undefined || value === "") return DASH;
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}
