import { useEffect, type ReactNode } from "react";

interface DrawerProps {
  ariaLabel: string;
  onClose: () => void;
  children: ReactNode;
}

/** A detail view sliding over the page from the right; Escape, the backdrop and Close all close it. */
export function Drawer({ ariaLabel, onClose, children }: DrawerProps) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  return (
    <div className="fixed inset-0 z-20 flex justify-end">
      <div aria-hidden="true" className="absolute inset-0 bg-slate-900/20 dark:bg-black/50" onClick={onClose} />
      <aside
        role="dialog"
        aria-label={ariaLabel}
        className="relative h-full w-full max-w-3xl overflow-y-auto border-l border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-5 shadow-xl"
      >
        <button
          type="button"
          onClick={onClose}
          className="absolute top-3 right-3 rounded px-2 py-1 text-sm text-slate-500 dark:text-slate-400 hover:bg-slate-100 dark:hover:bg-slate-800 hover:text-slate-900 dark:hover:text-slate-100"
        >
          Close
        </button>
        {children}
      </aside>
    </div>
  );
}
