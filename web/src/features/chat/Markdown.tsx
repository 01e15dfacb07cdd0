import type { ReactNode } from "react";
import { Link } from "react-router";

/*
 * A small Markdown renderer for the agent's answers: headings, paragraphs, lists, fenced code,
 * tables, inline code, bold, italic and http(s) links. It builds React elements only (never HTML
 * from the text), so a model or tool output cannot inject markup. Clusters (c-001), issues
 * (issue #42) and investigations (investigation inv-7) mentioned in the text become links.
 */

const INLINE =
  /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*)|(\[[^\]]+\]\((https?:\/\/[^)\s]+)\))|(\bissue #(\d+))|(\binvestigation ([A-Za-z0-9][A-Za-z0-9_-]*))|(\bc-[0-9a-z]{2,}(?:-[0-9a-z]+)*\b)/g;

function inline(text: string, keyPrefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const key = `${keyPrefix}-${n++}`;
    const [whole] = m;
    if (m[1]) out.push(<code key={key} className="rounded bg-slate-100 px-1 font-mono text-[0.85em] dark:bg-slate-800">{whole.slice(1, -1)}</code>);
    else if (m[2]) out.push(<strong key={key}>{inline(whole.slice(2, -2), key)}</strong>);
    else if (m[3]) out.push(<em key={key}>{inline(whole.slice(1, -1), key)}</em>);
    else if (m[4]) {
      const label = whole.slice(1, whole.indexOf("]("));
      out.push(
        <a key={key} href={m[5]} target="_blank" rel="noopener noreferrer" className="text-sky-700 underline dark:text-sky-400">
          {label}
        </a>,
      );
    } else if (m[6]) out.push(<Link key={key} to={`/issues/${m[7]}`} className="text-sky-700 underline dark:text-sky-400">{whole}</Link>);
    else if (m[8]) out.push(<Link key={key} to={`/investigations/${encodeURIComponent(m[9])}`} className="text-sky-700 underline dark:text-sky-400">{whole}</Link>);
    else out.push(<Link key={key} to={`/overview/clusters/${encodeURIComponent(whole)}`} className="text-sky-700 underline dark:text-sky-400">{whole}</Link>);
    last = at + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function cells(row: string): string[] {
  return row.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
}

const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

export function Markdown({ text }: { text: string }) {
  const lines = text.split(/\r?\n/);
  const blocks: ReactNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const key = `b${i}`;
    if (line.startsWith("```")) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !lines[i].startsWith("```")) code.push(lines[i++]);
      i++;
      blocks.push(
        <pre key={key} className="overflow-x-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100">
          <code>{code.join("\n")}</code>
        </pre>,
      );
    } else if (/^#{1,4}\s/.test(line)) {
      blocks.push(<p key={key} className="font-semibold text-slate-900 dark:text-slate-100">{inline(line.replace(/^#+\s*/, ""), key)}</p>);
      i++;
    } else if (line.includes("|") && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1])) {
      const head = cells(line);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && lines[i].includes("|") && lines[i].trim() !== "") rows.push(cells(lines[i++]));
      blocks.push(
        <div key={key} className="overflow-x-auto">
          <table className="min-w-full border-collapse text-xs">
            <thead>
              <tr>{head.map((h, c) => <th key={c} className="border border-slate-300 px-2 py-1 text-left dark:border-slate-700">{inline(h, `${key}h${c}`)}</th>)}</tr>
            </thead>
            <tbody>
              {rows.map((r, ri) => (
                <tr key={ri}>{r.map((cell, c) => <td key={c} className="border border-slate-300 px-2 py-1 dark:border-slate-700">{inline(cell, `${key}r${ri}c${c}`)}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>,
      );
    } else if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      while (i < lines.length && /^\s*([-*]|\d+\.)\s+/.test(lines[i])) items.push(lines[i++].replace(/^\s*([-*]|\d+\.)\s+/, ""));
      const children = items.map((item, n) => <li key={n}>{inline(item, `${key}l${n}`)}</li>);
      blocks.push(ordered ? <ol key={key} className="list-decimal pl-5">{children}</ol> : <ul key={key} className="list-disc pl-5">{children}</ul>);
    } else if (line.trim() === "") {
      i++;
    } else {
      const para: string[] = [];
      while (i < lines.length && lines[i].trim() !== "" && !lines[i].startsWith("```") && !/^#{1,4}\s/.test(lines[i]) && !/^\s*([-*]|\d+\.)\s+/.test(lines[i])) {
        if (lines[i].includes("|") && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1])) break;
        para.push(lines[i++]);
      }
      blocks.push(<p key={key}>{inline(para.join("\n"), key)}</p>);
    }
  }
  return <div className="space-y-2 text-sm leading-relaxed break-words whitespace-pre-wrap">{blocks}</div>;
}
