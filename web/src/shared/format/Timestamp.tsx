import { useTimeZone } from "../preferences/useTimeZone";
import { formatDateTime, parseApiTime, type DateTimeOptions } from "./formatDateTime";

interface TimestampProps extends DateTimeOptions {
  value: string | null | undefined;
}

/** An API time in the user's zone; the tooltip gives the UTC value it came from. */
export function Timestamp({ value, ...options }: TimestampProps) {
  const timeZone = useTimeZone();
  const date = parseApiTime(value);
  const text = formatDateTime(value, timeZone, options);
  if (!date) return <span>{text}</span>;
  return (
    <time dateTime={date.toISOString()} title={`${formatDateTime(date, "UTC", { withSeconds: true })} UTC`} className="whitespace-nowrap">
      {text}
    </time>
  );
}
