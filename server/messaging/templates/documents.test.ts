import { describe, expect, it } from "vitest";
import { alertKindLabel } from "@/domain/alerts/registry";
import { alertDocument } from "./documents";
import { renderMessage } from "./render";

describe("an urgent alert's message", () => {
  it("names the alert and its severity in product words on every channel, never the stored key", () => {
    const doc = alertDocument(
      {
        severity: "HIGH",
        label: alertKindLabel("MILESTONE_FAILED"),
        message: "Week 2 of Apollo is failed: 61.",
        url: "https://app.test/projects/p1",
        projectName: "Apollo",
      },
      "https://app.test/settings/notifications",
    );
    expect(doc.subject).toBe("[High] Apollo: Week failed");
    expect(doc.sections[0]?.facts).toEqual([
      { label: "Severity", value: "High" },
      { label: "Alert", value: "Week failed" },
    ]);
    const rendered = renderMessage(doc);
    for (const text of [
      rendered.text,
      rendered.html,
      JSON.stringify(rendered.slack),
      JSON.stringify(rendered.teams),
      JSON.stringify(rendered.inApp),
    ]) {
      expect(text).not.toMatch(/MILESTONE_FAILED|milestone_failed|milestone failed/);
    }
    expect(JSON.stringify(rendered.slack)).toContain("Week failed");
    expect(JSON.stringify(rendered.teams)).toContain("Week failed");
  });
});
