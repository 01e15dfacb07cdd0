import { ErrorState } from "../../shared/ui/ErrorState";
import { LoadingState } from "../../shared/ui/LoadingState";
import { Panel } from "../../shared/ui/Panel";
import { useLookerConfig } from "./useLookerConfig";

export function LookerSection() {
  const config = useLookerConfig();
  let body;
  if (config.isPending) body = <LoadingState label="Checking Looker…" />;
  else if (config.isError) body = <ErrorState error={config.error} onRetry={() => void config.refetch()} />;
  else if (config.data.configured)
    body = (
      <p className="text-sm text-slate-700 dark:text-slate-300">
        <span className="font-medium text-emerald-700 dark:text-emerald-400">Configured.</span> Dashboards are embedded from{" "}
        <code className="rounded bg-slate-100 px-1 font-mono dark:bg-slate-800">{config.data.host}</code> with signed URLs made
        for your user.
      </p>
    );
  else
    body = (
      <p className="text-sm text-slate-700 dark:text-slate-300">
        <span className="font-medium">Not configured.</span> An operator sets <code className="font-mono">BYOC_LOOKER_HOST</code> and{" "}
        <code className="font-mono">BYOC_LOOKER_EMBED_SECRET</code> on the server to embed Looker dashboards.
      </p>
    );
  return <Panel title="Looker">{body}</Panel>;
}
