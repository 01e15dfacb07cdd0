import { cleanup, configure } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, vi } from "vitest";

// jsdom has no canvas: stand in for the chart with an element that keeps its accessible label.
vi.mock("../shared/charts/EChart", () => ({
  EChart: ({ ariaLabel }: { ariaLabel: string }) => createElement("div", { role: "img", "aria-label": ariaLabel }),
}));

// The build machine has two cores and may be busy with Maven; give async queries some slack.
configure({ asyncUtilTimeout: 3000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});
