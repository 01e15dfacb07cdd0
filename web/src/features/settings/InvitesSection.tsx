import { useState, type FormEvent } from "react";
import type { Role } from "../../shared/auth/session";
import { Timestamp } from "../../shared/format/Timestamp";
import { Button } from "../../shared/ui/Button";
import { ErrorState } from "../../shared/ui/ErrorState";
import { inputClass } from "../../shared/ui/FormField";
import { LoadingState } from "../../shared/ui/LoadingState";
import { Panel } from "../../shared/ui/Panel";
import { InviteLink } from "./InviteLink";
import { ROLES, type InviteCreated } from "./settingsTypes";
import { cellClass, headClass, StatusPill, tableClass } from "./settingsUi";
import { useCreateInvite, useInvites, useRevokeInvite } from "./useInvites";

function InviteForm({ onCreated }: { onCreated: (invite: InviteCreated) => void }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const create = useCreateInvite();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (invite) => {
          setEmail("");
          onCreated(invite);
        },
      },
    );
  };

  return (
    <form aria-label="Invite a user" onSubmit={submit} className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <label className="min-w-64 flex-1 text-sm font-medium text-slate-700 dark:text-slate-300">
          Email
          <input type="email" name="invite_email" required value={email} onChange={(e) => setEmail(e.target.value)} className={inputClass} />
        </label>
        <label className="text-sm font-medium text-slate-700 dark:text-slate-300">
          Role
          <select name="invite_role" value={role} onChange={(e) => setRole(e.target.value as Role)} className={inputClass}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="primary" disabled={create.isPending || !email.trim()}>
          {create.isPending ? "Inviting…" : "Create invite"}
        </Button>
      </div>
      {create.error && <ErrorState error={create.error} />}
    </form>
  );
}

export function InvitesSection() {
  const invites = useInvites();
  const revoke = useRevokeInvite();
  const [created, setCreated] = useState<InviteCreated | null>(null);

  let list;
  if (invites.isPending) list = <LoadingState label="Loading invites…" />;
  else if (invites.isError) list = <ErrorState error={invites.error} onRetry={() => void invites.refetch()} />;
  else if (invites.data.length === 0) list = <p className="text-sm text-slate-500 dark:text-slate-400">No invites.</p>;
  else
    list = (
      <div className="overflow-x-auto">
        <table aria-label="Invites" className={tableClass}>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              {["Email", "Role", "Status", "Expires", ""].map((h, i) => (
                <th key={i} scope="col" className={headClass}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {invites.data.map((invite) => {
              const pending = !invite.status || invite.status === "pending";
              return (
                <tr key={invite.invite_id} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                  <td className={cellClass}>{invite.email}</td>
                  <td className={cellClass}>{invite.role}</td>
                  <td className={cellClass}>
                    <StatusPill status={invite.status ?? "pending"} />
                  </td>
                  <td className={cellClass}>
                    <Timestamp value={invite.expires_at} />
                  </td>
                  <td className={`${cellClass} text-right`}>
                    {pending && (
                      <Button
                        variant="danger"
                        aria-label={`Revoke invite for ${invite.email}`}
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(invite.invite_id)}
                      >
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );

  return (
    <Panel title="Invites">
      <div className="space-y-4">
        <InviteForm onCreated={setCreated} />
        {created && <InviteLink invite={created} onDone={() => setCreated(null)} />}
        {list}
      </div>
    </Panel>
  );
}
