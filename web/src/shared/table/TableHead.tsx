/** The header row of a hand-built table (one whose rows need more than DataTable's plain cells). */
export function TableHead({ headers }: { headers: string[] }) {
  return (
    <thead className="text-slate-500 dark:text-slate-400">
      <tr className="border-b border-slate-200 dark:border-slate-700">
        {headers.map((h, i) => (
          <th key={`${i}-${h}`} scope="col" className="px-2 py-1.5 font-medium whitespace-nowrap">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}
