import { formatNumber } from "../../shared/format/formatNumber";
import { PAGE_SIZES } from "./clusterQuery";

interface ClusterPagerProps {
  page: number;
  size: number;
  total: number;
  onPageChange: (page: number) => void;
  onSizeChange: (size: number) => void;
  /** What the pages are of, for screen readers. */
  label?: string;
}

export function ClusterPager({ page, size, total, onPageChange, onSizeChange, label = "Cluster pages" }: ClusterPagerProps) {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const first = total === 0 ? 0 : page * size + 1;
  const last = Math.min(total, (page + 1) * size);
  const buttonClass =
    "rounded border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-1 text-sm text-slate-700 dark:text-slate-300 hover:bg-slate-50 dark:hover:bg-slate-800 disabled:cursor-not-allowed disabled:opacity-40";

  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600 dark:text-slate-400">
      <span>
        {formatNumber(first)}–{formatNumber(last)} of {formatNumber(total)}
      </span>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-1">
          Rows
          <select
            value={size}
            onChange={(event) => onSizeChange(Number(event.target.value))}
            className="rounded border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-1 py-1"
          >
            {PAGE_SIZES.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={buttonClass} disabled={page <= 0} onClick={() => onPageChange(page - 1)}>
          Previous
        </button>
        <span className="tabular-nums">
          Page {page + 1} of {formatNumber(pageCount)}
        </span>
        <button
          type="button"
          className={buttonClass}
          disabled={page + 1 >= pageCount}
          onClick={() => onPageChange(page + 1)}
        >
          Next
        </button>
      </div>
    </nav>
  );
}
