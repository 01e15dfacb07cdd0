import { cleanup, configure } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, vi } from "vitest";
import { forgetLoadedSession } from "../shared/auth/session";
import { clearToasts } from "../shared/toast/toastStore";

// jsdom has no canvas: stand in for the chart with an element that keeps its accessible label.
vi.mock("../shared/charts/EChart", () => ({
  EChart: ({ ariaLabel }: { ariaLabel: string }) => createElement("div", { role: "img", "aria-label": ariaLabel }),
}));

// The build machine has two cores and may be busy with Maven; give async queries some slack.
configure({ asyncUtilTimeout: 3000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  forgetLoadedSession();
  clearToasts();
  document.documentElement.className = "";
  document.documentElement.removeAttribute("style");
  window.history.replaceState(null, "", "/");
});
