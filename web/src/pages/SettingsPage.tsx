import { ChannelsSection } from "../features/settings/ChannelsSection";
import { InvitesSection } from "../features/settings/InvitesSection";
import { LookerSection } from "../features/settings/LookerSection";
import { PreferencesSection } from "../features/settings/PreferencesSection";
import { UsersSection } from "../features/settings/UsersSection";
import { useSession } from "../shared/auth/useSession";

export function SettingsPage() {
  const user = useSession()?.user;
  // The server enforces roles; hiding the admin sections only spares others a page of 403s.
  const isAdmin = user?.role === "admin";
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">Settings</h1>
      <PreferencesSection />
      {isAdmin && user && (
        <>
          <h2 className="pt-2 text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">Administration</h2>
          <UsersSection currentUser={user} />
          <InvitesSection />
          <ChannelsSection />
        </>
      )}
      <LookerSection />
    </div>
  );
}
