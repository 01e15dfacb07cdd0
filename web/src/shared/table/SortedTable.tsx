import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";

export type SortDirection = "asc" | "desc";

export interface TableSort {
  field: string;
  direction: SortDirection;
}

interface SortedTableProps<T> {
  rows: T[];
  // TanStack's column helpers produce columns of differing value types; `any` is its documented idiom here.
  columns: ColumnDef<T, any>[];
  ariaLabel: string;
  getRowId: (row: T) => string;
  sort: TableSort;
  onSortChange: (field: string, direction: SortDirection) => void;
  selectedId?: string;
}

/**
 * A table sorted on the server: column ids double as the API's sort fields, a header click asks
 * for the new order and the page of rows comes back already sorted.
 */
export function SortedTable<T>({ rows, columns, ariaLabel, getRowId, sort, onSortChange, selectedId }: SortedTableProps<T>) {
  const sorting: SortingState = [{ id: sort.field, desc: sort.direction === "desc" }];

  const handleSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    const first = next[0];
    if (first) onSortChange(first.id, first.desc ? "desc" : "asc");
  };

  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    sortDescFirst: false,
    state: { sorting },
    onSortingChange: handleSortingChange,
  });

  return (
    <div className="overflow-x-auto">
      <table aria-label={ariaLabel} className="min-w-full text-left text-sm">
        <thead className="bg-slate-50 dark:bg-slate-800/60 text-xs text-slate-500 dark:text-slate-400">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b border-slate-200 dark:border-slate-700">
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    className="px-3 py-2 font-medium whitespace-nowrap"
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 hover:text-slate-900 dark:hover:text-slate-100"
                      >
                        {label}
                        <span aria-hidden="true" className={sorted ? "text-slate-900 dark:text-slate-100" : "text-slate-300"}>
                          {sorted === "desc" ? "▼" : sorted === "asc" ? "▲" : "↕"}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              aria-selected={row.id === selectedId}
              className={`border-b border-slate-100 dark:border-slate-800 last:border-0 ${row.id === selectedId ? "bg-sky-50 dark:bg-sky-950" : "hover:bg-slate-50 dark:hover:bg-slate-800"}`}
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="px-3 py-2 whitespace-nowrap text-slate-800 dark:text-slate-200">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
