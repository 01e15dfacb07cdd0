import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithRouter } from "../../test/renderWithRouter";
import { investigationOf, IssueEventList } from "./IssueEventList";
import type { IssueEvent } from "./issueTypes";

const event = (id: string, overrides: Partial<IssueEvent> = {}): IssueEvent => ({
  event_id: id, event_type: "opened", actor: "system", created_at: "2026-11-28T10:00:00", from_status: null,
  to_status: "open", note: "Opened by a firing alert", details: {}, ...overrides,
});

describe("IssueEventList", () => {
  it("links the agent's events to the investigation they name, newest first", () => {
    renderWithRouter(
      <IssueEventList
        events={[
          event("e1"),
          event("e2", { event_type: "investigating", actor: "agent:investigator", from_status: "open", to_status: "investigating",
            note: "Investigation inv-7 started (critical_alert).", details: { investigation_id: "inv-7", trigger: "critical_alert" } }),
          event("e3", { event_type: "comment", actor: "agent:investigator", to_status: null,
            note: "Investigation inv-7: root cause capacity (confidence 80%), escalate yes.", details: { investigation_id: "inv-7" } }),
        ]}
      />,
    );

    const items = within(screen.getByRole("list", { name: "Events" })).getAllByRole("listitem");
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringContaining("root cause capacity"),
      expect.stringContaining("investigating → investigating"),
      expect.stringContaining("opened → open"),
    ]);
    const links = screen.getAllByRole("link", { name: "Open the investigation" });
    expect(links).toHaveLength(2);
    links.forEach((l) => expect(l.getAttribute("href")).toBe("/investigations/inv-7"));
    expect(within(items[2]).queryByRole("link")).toBeNull();
  });

  it("names an investigation only when the event carries a non-empty id", () => {
    expect(investigationOf(event("a", { details: { investigation_id: "x/y" } }))).toBe("x/y");
    expect(investigationOf(event("b", { details: { investigation_id: 42 } }))).toBeNull();
    expect(investigationOf(event("c", { details: { investigation_id: "" } }))).toBeNull();
    expect(investigationOf(event("d"))).toBeNull();
  });

  it("says so when there are no events", () => {
    renderWithRouter(<IssueEventList events={[]} />);
    expect(screen.getByText("No events.")).toBeTruthy();
  });
});
