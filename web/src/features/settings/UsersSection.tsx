import type { SessionUser } from "../../shared/auth/session";
import { Timestamp } from "../../shared/format/Timestamp";
import { Button } from "../../shared/ui/Button";
import { EmptyState } from "../../shared/ui/EmptyState";
import { ErrorState } from "../../shared/ui/ErrorState";
import { LoadingState } from "../../shared/ui/LoadingState";
import { Panel } from "../../shared/ui/Panel";
import { ROLES, type UserRow } from "./settingsTypes";
import { useUpdateUser, useUsers } from "./useUsers";
import { cellClass, headClass, selectClass, StatusPill, tableClass } from "./settingsUi";

function UserRowView({ user, isSelf }: { user: UserRow; isSelf: boolean }) {
  const update = useUpdateUser();
  const busy = update.isPending;
  const name = user.display_name || user.email;
  return (
    <tr className="border-b border-slate-100 last:border-0 dark:border-slate-800">
      <td className={cellClass}>
        <div className="font-medium text-slate-900 dark:text-slate-100">
          {name}
          {isSelf && <span className="ml-1 text-xs font-normal text-slate-500">(you)</span>}
        </div>
        {user.display_name && <div className="text-xs text-slate-500 dark:text-slate-400">{user.email}</div>}
      </td>
      <td className={cellClass}>
        <select
          aria-label={`Role of ${user.email}`}
          value={user.role}
          // Changing one's own role could lock the last admin out; another admin does it.
          disabled={busy || isSelf}
          onChange={(e) => update.mutate({ userId: user.user_id, role: e.target.value as UserRow["role"] })}
          className={selectClass}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </td>
      <td className={cellClass}>
        <StatusPill status={user.status} />
      </td>
      <td className={cellClass}>
        <Timestamp value={user.created_at} />
      </td>
      <td className={cellClass}>
        <Timestamp value={user.last_login_at} />
      </td>
      <td className={`${cellClass} text-right`}>
        {user.status === "active" && !isSelf && (
          <Button variant="danger" disabled={busy} onClick={() => update.mutate({ userId: user.user_id, status: "disabled" })}>
            Disable
          </Button>
        )}
        {user.status === "disabled" && (
          <Button disabled={busy} onClick={() => update.mutate({ userId: user.user_id, status: "active" })}>
            Enable
          </Button>
        )}
      </td>
    </tr>
  );
}

export function UsersSection({ currentUser }: { currentUser: SessionUser }) {
  const users = useUsers();
  let body;
  if (users.isPending) body = <LoadingState label="Loading users…" />;
  else if (users.isError) body = <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  else if (users.data.length === 0) body = <EmptyState title="No users yet" />;
  else
    body = (
      <div className="overflow-x-auto">
        <table aria-label="Users" className={tableClass}>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              {["User", "Role", "Status", "Created", "Last sign-in", ""].map((h, i) => (
                <th key={i} scope="col" className={headClass}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <UserRowView key={user.user_id} user={user} isSelf={user.user_id === currentUser.user_id} />
            ))}
          </tbody>
        </table>
      </div>
    );
  return <Panel title="Users">{body}</Panel>;
}
