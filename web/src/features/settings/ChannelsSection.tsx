import { useState } from "react";
import { Button } from "../../shared/ui/Button";
import { ErrorState } from "../../shared/ui/ErrorState";
import { LoadingState } from "../../shared/ui/LoadingState";
import { Panel } from "../../shared/ui/Panel";
import { ChannelForm } from "./ChannelForm";
import { CHANNEL_KINDS, type Channel, type ChannelTestResult } from "./settingsTypes";
import { cellClass, headClass, StatusPill, tableClass } from "./settingsUi";
import { useChannels, useDeleteChannel, useTestChannel } from "./useChannels";

function TestOutcome({ result }: { result: ChannelTestResult }) {
  const status = result.http_status !== undefined && result.http_status !== null ? ` (${result.http_status})` : "";
  return (
    <p role="status" className={`text-xs ${result.delivered ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}>
      {result.delivered ? `Test delivered${status}` : `Test failed${status}${result.retryable ? ", worth retrying" : ""}`}
      {result.detail ? `: ${result.detail}` : ""}
    </p>
  );
}

/** "secret set", "none", or — when the server cannot decrypt what it stored — the problem and what to do. */
function SecretCell({ channel }: { channel: Channel }) {
  if (channel.secret_state === "unreadable") {
    return (
      <div className="max-w-xs space-y-0.5">
        <div className="font-medium text-red-700 dark:text-red-400">Cannot be decrypted</div>
        <div className="text-xs text-slate-600 dark:text-slate-400">
          {channel.problem ?? "The stored URL or secret cannot be decrypted with the current key."} Edit the channel and
          enter its URL and secret again.
        </div>
      </div>
    );
  }
  return <>{channel.has_secret ? "secret set" : "none"}</>;
}

function ChannelRow({ channel, onEdit }: { channel: Channel; onEdit: () => void }) {
  const test = useTestChannel();
  const remove = useDeleteChannel();
  const [confirming, setConfirming] = useState(false);
  const kind = CHANNEL_KINDS.find((k) => k.value === channel.kind)?.label ?? channel.kind;
  return (
    <tr className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800">
      <td className={cellClass}>
        <div className="font-medium">{channel.name}</div>
        <div className="max-w-xs truncate text-xs text-slate-500 dark:text-slate-400" title={channel.url_hint}>
          {channel.url_hint}
        </div>
      </td>
      <td className={cellClass}>{kind}</td>
      <td className={cellClass}>{channel.min_severity}+</td>
      <td className={cellClass}>
        <StatusPill status={channel.enabled ? "active" : "disabled"} />
      </td>
      <td className={cellClass}>
        <SecretCell channel={channel} />
      </td>
      <td className={`${cellClass} space-y-1 text-right`}>
        <div className="flex justify-end gap-1">
          <Button disabled={test.isPending} onClick={() => test.mutate(channel.channel_id)}>
            {test.isPending ? "Sending…" : "Send test"}
          </Button>
          <Button onClick={onEdit}>Edit</Button>
          {confirming ? (
            <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate(channel.channel_id)}>
              Confirm delete
            </Button>
          ) : (
            <Button variant="danger" onClick={() => setConfirming(true)}>
              Delete
            </Button>
          )}
        </div>
        {test.data && <TestOutcome result={test.data} />}
      </td>
    </tr>
  );
}

export function ChannelsSection() {
  const channels = useChannels();
  // "new" for the create form, a channel id for an edit, null when no form is open.
  const [editing, setEditing] = useState<string | null>(null);

  let body;
  if (channels.isPending) body = <LoadingState label="Loading channels…" />;
  else if (channels.isError) body = <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />;
  else if (channels.data.length === 0) body = <p className="text-sm text-slate-500 dark:text-slate-400">No notification channels yet.</p>;
  else
    body = (
      <div className="overflow-x-auto">
        <table aria-label="Notification channels" className={tableClass}>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              {["Channel", "Kind", "Severity", "Status", "Secret", ""].map((h, i) => (
                <th key={i} scope="col" className={headClass}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {channels.data.map((channel) => (
              <ChannelRow key={channel.channel_id} channel={channel} onEdit={() => setEditing(channel.channel_id)} />
            ))}
          </tbody>
        </table>
      </div>
    );

  const edited = channels.data?.find((c) => c.channel_id === editing);
  return (
    <Panel
      title="Notification channels"
      actions={
        editing === null && (
          <Button variant="link" onClick={() => setEditing("new")}>
            Add channel
          </Button>
        )
      }
    >
      <div className="space-y-4">
        {editing !== null && (
          <ChannelForm key={editing} channel={edited} onDone={() => setEditing(null)} />
        )}
        {body}
      </div>
    </Panel>
  );
}
