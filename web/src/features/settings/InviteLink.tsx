import { useRef, useState } from "react";
import { Button } from "../../shared/ui/Button";
import type { InviteCreated } from "./settingsTypes";

/** The activation link of a new invite. The server hands out the token once, so this is the only chance to copy it. */
export function InviteLink({ invite, onDone }: { invite: InviteCreated; onDone: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const link = new URL(invite.activation_path, window.location.origin).href;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard access (plain http, denied permission): select it for a manual copy.
      inputRef.current?.select();
    }
  };

  return (
    <div role="status" className="space-y-2 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm dark:border-sky-900 dark:bg-sky-950">
      <p className="font-medium text-slate-900 dark:text-slate-100">
        Invite created for {invite.email} ({invite.role}).
      </p>
      <p className="text-slate-600 dark:text-slate-300">
        Send this activation link to them. It is shown only now and works once, until it expires.
      </p>
      <div className="flex gap-2">
        <input
          ref={inputRef}
          readOnly
          aria-label="Activation link"
          value={link}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        />
        <Button onClick={() => void copy()}>{copied ? "Copied" : "Copy link"}</Button>
        <Button variant="link" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
