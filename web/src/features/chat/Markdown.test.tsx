import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { Markdown } from "./Markdown";

function show(text: string) {
  return render(
    <MemoryRouter>
      <Markdown text={text} />
    </MemoryRouter>,
  );
}

describe("Markdown", () => {
  it("renders tables, code and emphasis", () => {
    const { container } = show("**Risky** clusters:\n\n| cluster | score |\n|---|---|\n| c-001 | 41 |\n\n```sql\nSELECT 1\n```");
    expect(screen.getByText("Risky").tagName).toBe("STRONG");
    expect(screen.getByRole("columnheader", { name: "score" })).toBeTruthy();
    expect(screen.getByRole("cell", { name: "41" })).toBeTruthy();
    expect(container.querySelector("pre code")?.textContent).toBe("SELECT 1");
  });

  it("links clusters, issues and investigations", () => {
    show("See c-001, issue #42 and investigation inv-7.");
    expect(screen.getByRole("link", { name: "c-001" }).getAttribute("href")).toBe("/overview/clusters/c-001");
    expect(screen.getByRole("link", { name: "issue #42" }).getAttribute("href")).toBe("/issues/42");
    expect(screen.getByRole("link", { name: "investigation inv-7" }).getAttribute("href")).toBe("/investigations/inv-7");
  });

  it("never renders HTML from the text", () => {
    const { container } = show('<img src=x onerror="alert(1)"> [x](javascript:alert(1))');
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("a")).toBeNull();
    expect(container.textContent).toContain("<img src=x");
  });
});
