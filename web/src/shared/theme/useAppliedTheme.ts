import { useEffect } from "react";
import { applyTheme, watchSystemTheme, type Theme } from "./theme";

/** Keeps <html> in step with the chosen theme (and with the OS while the choice is "system"). */
export function useAppliedTheme(theme: Theme | undefined) {
  useEffect(() => {
    if (!theme) return;
    applyTheme(theme);
    if (theme !== "system") return;
    return watchSystemTheme(() => applyTheme("system"));
  }, [theme]);
}
