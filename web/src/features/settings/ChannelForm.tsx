import { useState, type FormEvent } from "react";
import { Button } from "../../shared/ui/Button";
import { ErrorState } from "../../shared/ui/ErrorState";
import { FormField, inputClass } from "../../shared/ui/FormField";
import { CHANNEL_KINDS, SEVERITIES, type Channel, type ChannelInput, type ChannelKind, type Severity } from "./settingsTypes";
import { useSaveChannel } from "./useChannels";

interface ChannelFormProps {
  /** The channel to edit; a new one when absent. */
  channel?: Channel;
  onDone: () => void;
}

/**
 * The secret is write-only: the form never has the stored value (the API does not return it), the
 * field starts empty, and an empty field on save keeps what the server has.
 */
export function ChannelForm({ channel, onDone }: ChannelFormProps) {
  const [name, setName] = useState(channel?.name ?? "");
  const [kind, setKind] = useState<ChannelKind>(channel?.kind ?? "lark_bot");
  // The stored URL is write-only like the secret: editing starts empty and empty keeps it.
  const [url, setUrl] = useState("");
  const [minSeverity, setMinSeverity] = useState<Severity>(channel?.min_severity ?? "warning");
  const [enabled, setEnabled] = useState(channel?.enabled ?? true);
  const [secret, setSecret] = useState("");
  const save = useSaveChannel();
  const unreadable = channel?.secret_state === "unreadable";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: ChannelInput = { name: name.trim(), kind, min_severity: minSeverity, enabled };
    if (url.trim()) input.url = url.trim();
    // Credentials the server cannot decrypt must all be sent again; an empty secret then means none.
    if (secret || unreadable) input.secret = secret;
    save.mutate(
      { channelId: channel?.channel_id, input },
      {
        onSuccess: () => {
          setSecret("");
          onDone();
        },
      },
    );
  };

  const secretLabel = kind === "lark_bot" ? "Signing secret" : "Secret";
  return (
    <form
      aria-label={channel ? `Edit channel ${channel.name}` : "New channel"}
      onSubmit={submit}
      className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
    >
      <div className="grid gap-3 md:grid-cols-2">
        <FormField label="Name" name="channel_name" required value={name} onChange={(e) => setName(e.target.value)} />
        <label className="block text-sm font-medium text-slate-700 dark:text-slate-300">
          Kind
          <select name="channel_kind" value={kind} onChange={(e) => setKind(e.target.value as ChannelKind)} className={inputClass}>
            {CHANNEL_KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <FormField
          label="Webhook URL"
          name="channel_url"
          type="url"
          required={!channel || unreadable}
          value={url}
          hint={
            unreadable
              ? "The stored URL and secret cannot be decrypted with the server's current key: enter both again."
              : channel
                ? `Stored: ${channel.url_hint} — leave empty to keep it`
                : kind === "lark_bot"
                  ? "https://open.larksuite.com/open-apis/bot/v2/hook/…"
                  : undefined
          }
          onChange={(e) => setUrl(e.target.value)}
        />
        <label className="block text-sm font-medium text-slate-700 dark:text-slate-300">
          Minimum severity
          <select name="channel_min_severity" value={minSeverity} onChange={(e) => setMinSeverity(e.target.value as Severity)} className={inputClass}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <div>
          <FormField
            label={secretLabel}
            name="channel_secret"
            type="password"
            autoComplete="new-password"
            value={secret}
            placeholder={unreadable ? "Enter it again (empty for none)" : channel?.has_secret ? "Leave empty to keep the current secret" : "Optional"}
            hint={kind === "lark_bot" ? "The bot's signature verification secret; never shown again once saved." : "Never shown again once saved."}
            onChange={(e) => setSecret(e.target.value)}
          />
          {channel?.has_secret && (
            <p className="mt-1 text-xs font-medium text-emerald-700 dark:text-emerald-400">secret set</p>
          )}
        </div>
        <label className="flex items-center gap-2 self-center text-sm text-slate-700 dark:text-slate-300">
          <input type="checkbox" name="channel_enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          Enabled
        </label>
      </div>
      {save.error && <ErrorState error={save.error} />}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : channel ? "Save channel" : "Add channel"}
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
