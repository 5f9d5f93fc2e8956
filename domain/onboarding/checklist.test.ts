import { describe, expect, it } from "vitest";
import { CHECKLIST_ITEMS, buildChecklist, type OnboardingFacts } from "./checklist";

const none: OnboardingFacts = {
  teamInvited: false,
  portalBranded: false,
  senderSet: false,
  chatConnected: false,
  hasLeads: false,
  ciTokenCreated: false,
  qualificationRun: false,
  kickoffStarted: false,
};

describe("setup checklist", () => {
  it("starts at 0 of 8 with every required item left", () => {
    const list = buildChecklist(none);
    expect([list.done, list.total, list.requiredLeft, list.complete]).toEqual([0, 8, 6, false]);
    expect(list.items.map((i) => i.done)).toEqual(new Array(8).fill(false));
  });

  it("ticks exactly what the facts say, and is complete without the optional items", () => {
    const list = buildChecklist({
      ...none,
      teamInvited: true,
      portalBranded: true,
      senderSet: true,
      hasLeads: true,
      qualificationRun: true,
      kickoffStarted: true,
    });
    expect([list.done, list.requiredLeft, list.complete]).toEqual([6, 0, true]);
    expect(list.items.filter((i) => !i.done).map((i) => i.key)).toEqual(["chatConnected", "ciTokenCreated"]);
    expect(list.items.filter((i) => !i.done).every((i) => i.optional)).toBe(true);
  });

  it("words every item for a person: a title, a sentence and a link inside the app", () => {
    for (const item of CHECKLIST_ITEMS) {
      expect(item.title).not.toMatch(/[a-z]_[a-z]/);
      expect(item.description).toMatch(/\.$/);
      expect(item.href).toMatch(/^\/[a-z]/);
    }
    expect(new Set(CHECKLIST_ITEMS.map((i) => i.key)).size).toBe(CHECKLIST_ITEMS.length);
  });
});
