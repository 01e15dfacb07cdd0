import { Button } from "../ui/Button";

interface PrevNextPagerProps {
  label: string;
  page: number;
  size: number;
  total: number;
  onPageChange: (page: number) => void;
}

/** Previous/next over a server-side paged list, with where we are. */
export function PrevNextPager({ label, page, size, total, onPageChange }: PrevNextPagerProps) {
  const first = total === 0 ? 0 : page * size + 1;
  const last = Math.min(total, (page + 1) * size);
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-2 text-sm text-slate-600 dark:text-slate-400">
      <span>
        {first}–{last} of {total}
      </span>
      <span className="flex gap-2">
        <Button disabled={page <= 0} onClick={() => onPageChange(page - 1)}>
          Previous
        </Button>
        <Button disabled={last >= total} onClick={() => onPageChange(page + 1)}>
          Next
        </Button>
      </span>
    </nav>
  );
}
