import { browserTimeZone, isValidTimeZone } from "../format/formatDateTime";
import { usePreferences } from "./usePreferences";

/** The zone timestamps are shown in: the user's preference, else the browser's. */
export function useTimeZone(): string {
  const zone = usePreferences().data?.time_zone;
  return zone && isValidTimeZone(zone) ? zone : browserTimeZone();
}
