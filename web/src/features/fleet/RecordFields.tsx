import type { ReactNode } from "react";
import { formatText } from "../../shared/format/formatNumber";
import { Timestamp } from "../../shared/format/Timestamp";
import type { DetailRecord } from "./fleetTypes";

interface RecordFieldsProps {
  record: DetailRecord;
  /** [key, label] pairs to show first; when none are present every simple field is shown. */
  fields: [string, string][];
}

function display(key: string, value: unknown): ReactNode {
  if (typeof value === "string" && /(_at|_end|_start)$/.test(key)) return <Timestamp value={value} />;
  return formatText(value);
}

export function RecordFields({ record, fields }: RecordFieldsProps) {
  let shown = fields.filter(([key]) => key in record);
  if (shown.length === 0) {
    shown = Object.keys(record)
      .filter((key) => record[key] === null || typeof record[key] !== "object")
      .map((key) => [key, key]);
  }
  if (shown.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No details.</p>;

  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      {shown.map(([key, label]) => (
        <div key={key} className="contents">
          <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
          <dd className="break-all text-slate-900 dark:text-slate-100">{display(key, record[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
