import type { ReactNode } from "react";
import { Panel } from "../../shared/ui/Panel";

function Code({ children }: { children: ReactNode }) {
  return (
    <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100 dark:bg-black/40">
      {children}
    </pre>
  );
}

function Env({ children }: { children: ReactNode }) {
  return <code className="rounded bg-slate-100 px-1 font-mono text-[0.85em] dark:bg-slate-800">{children}</code>;
}

export function IngestionHelp() {
  const origin = window.location.origin;
  return (
    <Panel title="How alerts get in">
      <div className="space-y-5 text-sm text-slate-700 dark:text-slate-300">
        <p>
          Three paths write the same normalized alert record; each alert is mapped to a cluster by its labels, cluster
          names or node addresses (an alert that matches no cluster is kept and counted). Redeliveries are deduplicated.
        </p>

        <section className="space-y-2">
          <h3 className="font-semibold text-slate-900 dark:text-slate-100">1. Lark alert channel</h3>
          <p>
            A daily pipeline reads the alert chat through the Lark Open API and parses each alert card. Configure it on the
            server with <Env>LARK_BASE_URL</Env> (e.g. <Env>https://open.larksuite.com</Env>), <Env>LARK_APP_ID</Env>,{" "}
            <Env>LARK_APP_SECRET</Env> (a custom app with permission to read the chat's messages) and{" "}
            <Env>LARK_ALERT_CHAT_ID</Env>. A run for a time window can be started by hand with{" "}
            <Env>POST /api/ingest/lark/runs</Env> and <Env>{'{"from", "to"}'}</Env>; saved message pages load with{" "}
            <Env>java -jar byoc-fleet.jar lark-load PATH</Env>.
          </p>
        </section>

        <section className="space-y-2">
          <h3 className="font-semibold text-slate-900 dark:text-slate-100">2. Prometheus Alertmanager</h3>
          <p>
            Add a webhook receiver pointing at <Env>/api/webhooks/alertmanager</Env>, authenticated with a bearer token: set
            the same value as <Env>BYOC_WEBHOOK_TOKEN</Env> on the server. In <Env>alertmanager.yml</Env>:
          </p>
          <Code>{`route:
  receiver: byoc-fleet
receivers:
  - name: byoc-fleet
    webhook_configs:
      - url: ${origin}/api/webhooks/alertmanager
        send_resolved: true
        http_config:
          authorization:
            type: Bearer
            credentials: <the value of BYOC_WEBHOOK_TOKEN>`}</Code>
        </section>

        <section className="space-y-2">
          <h3 className="font-semibold text-slate-900 dark:text-slate-100">3. Grafana alerting</h3>
          <p>
            Create a webhook contact point for <Env>/api/webhooks/grafana</Env>. Grafana (12 or newer) signs each request
            with HMAC-SHA256; use the value of <Env>BYOC_GRAFANA_HMAC_SECRET</Env> as the HMAC secret and send the
            timestamp header so stale requests are refused. As a provisioning file:
          </p>
          <Code>{`apiVersion: 1
contactPoints:
  - orgId: 1
    name: byoc-fleet
    receivers:
      - uid: byoc-fleet-webhook
        type: webhook
        settings:
          url: ${origin}/api/webhooks/grafana
          httpMethod: POST
          hmacConfig:
            secret: <the value of BYOC_GRAFANA_HMAC_SECRET>
            header: X-Grafana-Alerting-Signature
            timestampHeader: X-Grafana-Alerting-Timestamp`}</Code>
        </section>
        <p>
          Secrets are read from the server's environment only and never shown by the API. Notification channels for
          outgoing messages (a Lark custom bot or a generic webhook) are set up under Settings by an admin.
        </p>
      </div>
    </Panel>
  );
}
