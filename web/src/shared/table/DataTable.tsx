import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";

interface DataTableProps<T> {
  data: T[];
  // TanStack's column helpers produce columns of differing value types; `any` is its documented idiom here.
  columns: ColumnDef<T, any>[];
  ariaLabel: string;
  emptyText: string;
}

/** A small client-side table for detail views; the fleet's big lists page on the server instead. */
export function DataTable<T>({ data, columns, ariaLabel, emptyText }: DataTableProps<T>) {
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel() });

  if (data.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">{emptyText}</p>;

  return (
    <div className="overflow-x-auto">
      <table aria-label={ariaLabel} className="min-w-full text-left text-xs">
        <thead className="text-slate-500 dark:text-slate-400">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b border-slate-200 dark:border-slate-700">
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="px-2 py-1.5 font-medium whitespace-nowrap">
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100 dark:border-slate-800 last:border-0">
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="px-2 py-1.5 align-top text-slate-800 dark:text-slate-200">
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
