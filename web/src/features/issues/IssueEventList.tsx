import { Link } from "react-router";
import { Timestamp } from "../../shared/format/Timestamp";
import type { IssueEvent } from "./issueTypes";

/** The investigation an event is about (an agent's start or result), when it names one. */
export function investigationOf(event: IssueEvent): string | null {
  const id = event.details.investigation_id;
  return typeof id === "string" && id.length > 0 ? id : null;
}

/** A link to the report of the investigation an event names; nothing for other events. */
export function InvestigationEventLink({ event }: { event: IssueEvent }) {
  const id = investigationOf(event);
  if (id === null) return null;
  return (
    <Link className="text-sky-700 hover:underline dark:text-sky-400" to={`/investigations/${encodeURIComponent(id)}`}>
      Open the investigation
    </Link>
  );
}

/** An issue's events, newest first: what happened, who did it, when, and why. */
export function IssueEventList({ events }: { events: IssueEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-500">No events.</p>;
  return (
    <ol aria-label="Events" className="space-y-2">
      {[...events].reverse().map((e) => (
        <li key={e.event_id} className="border-l-2 border-slate-200 pl-3 text-sm dark:border-slate-700">
          <p>
            <span className="font-medium">{e.event_type.replaceAll("_", " ")}</span>
            {e.to_status && <span className="text-slate-500"> → {e.to_status}</span>}
            <span className="ml-2 text-xs text-slate-500">
              {e.actor} · <Timestamp value={e.created_at} />
            </span>
          </p>
          {e.note && <p className="text-slate-700 dark:text-slate-300">{e.note}</p>}
          <InvestigationEventLink event={e} />
        </li>
      ))}
    </ol>
  );
}
