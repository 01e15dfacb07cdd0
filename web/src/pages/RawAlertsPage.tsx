import { Outlet } from "react-router";
import { AlertBrowser } from "../features/alerts/AlertBrowser";
import { IngestRunHistory } from "../features/alerts/IngestRunHistory";

/** Every stored alert as the ingestion paths normalized it, with the Lark ingestion history. */
export function RawAlertsPage() {
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">Raw Alerts</h1>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          Alerts from Alertmanager and Grafana webhooks and the Lark alert chat, as stored; open one for its labels and raw payload.
        </p>
      </header>
      <AlertBrowser />
      <IngestRunHistory />
      <Outlet />
    </div>
  );
}
