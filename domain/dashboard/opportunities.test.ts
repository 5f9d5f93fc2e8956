import { describe, expect, it } from "vitest";
import {
  EXPANSION_SCORE_MIN,
  caseStudyOpportunities,
  expansionOpportunities,
  isExpansionCandidate,
  type ExpansionCandidate,
} from "./opportunities";

const account = (over: Partial<ExpansionCandidate>): ExpansionCandidate => ({
  accountId: "a1",
  accountName: "Acme",
  healthScore: 90,
  expansionScore: 60,
  strategy: null,
  nextTouchpointAt: null,
  latestProjectId: "p1",
  ...over,
});

describe("expansion opportunities", () => {
  it("are accounts with an expansion retention plan, or an expansion potential at or above the minimum", () => {
    expect(isExpansionCandidate(account({ strategy: "HIGH_SATISFACTION_EXPANSION", expansionScore: 10 }))).toBe(true);
    expect(isExpansionCandidate(account({ expansionScore: EXPANSION_SCORE_MIN }))).toBe(true);
    expect(isExpansionCandidate(account({ expansionScore: EXPANSION_SCORE_MIN - 0.1 }))).toBe(false);
    expect(isExpansionCandidate(account({ expansionScore: null, strategy: "AT_RISK_RECOVERY" }))).toBe(false);
  });

  it("rank by expansion potential and say why", () => {
    const found = expansionOpportunities([
      account({ accountId: "a", accountName: "Low", expansionScore: 76 }),
      account({
        accountId: "b",
        accountName: "Planned",
        expansionScore: 84,
        strategy: "HIGH_SATISFACTION_EXPANSION",
        healthScore: 91.6,
      }),
      account({ accountId: "c", accountName: "Skip", expansionScore: 40 }),
    ]);
    expect(found.map((o) => o.title)).toEqual(["Planned", "Low"]);
    expect(found[0]?.reason).toBe("Retention plan: high-satisfaction expansion (health 92, expansion potential 84).");
    expect(found[1]?.reason).toBe("Expansion potential 76 ≥ 75 (health 90, expansion potential 76).");
    expect(found[0]?.href).toBe("/projects/p1");
  });
});

describe("case-study opportunities", () => {
  it("are listed newest first, saying whether the flag was stored or derived", () => {
    const found = caseStudyOpportunities([
      {
        projectId: "p1",
        projectName: "Old",
        accountName: "A",
        successScore: 100,
        decidedAt: new Date("2026-01-01"),
        source: "derived",
      },
      {
        projectId: "p2",
        projectName: "New",
        accountName: "B",
        successScore: 92,
        decidedAt: new Date("2026-02-01"),
        source: "flag",
      },
    ]);
    expect(found.map((o) => o.title)).toEqual(["New · B", "Old · A"]);
    expect(found[0]?.reason).toBe("The success validation flagged case-study potential (success score 92).");
    expect(found[1]?.reason).toBe("Guarantee met with a success score of 100.");
  });
});
