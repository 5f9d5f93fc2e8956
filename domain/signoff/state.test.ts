import { describe, expect, it } from "vitest";
import { contentHash } from "./chain";
import { milestoneSignOffState, repeatsLatest, signedContent, type CriterionFacts } from "./state";

const facts = (
  patch: Partial<CriterionFacts["criterion"]> = {},
  build: CriterionFacts["latestBuild"] = null,
): CriterionFacts => ({
  project: { id: "p1", name: "Intake" },
  milestone: {
    id: "m1",
    weekNumber: 3,
    title: "Feature Completion",
    dueDate: new Date("2026-01-22T00:00:00Z"),
    score: 61.5,
    status: "IN_PROGRESS",
  },
  criterion: {
    id: "c1",
    name: "All Features Implemented",
    deliverable: "Complete feature set",
    validationMethod: "stakeholder_demo",
    weight: 0.4,
    score: null,
    evidence: null,
    ...patch,
  },
  latestBuild: build,
});

describe("signed content", () => {
  it("holds the criterion, deliverable, evidence and score so far", () => {
    const c = signedContent(
      facts(
        { score: 90, evidence: { source: "entered", reason: "scored 90" } },
        { commitSha: "abcdef1234567890", buildUrl: "https://ci.example/b/7", createdAt: new Date(0) },
      ),
    );
    expect(c.criterion).toMatchObject({ name: "All Features Implemented", deliverable: "Complete feature set" });
    expect(c.evidence).toEqual({
      summary: "scored 90",
      links: [{ label: "Latest CI build (commit abcdef123456)", url: "https://ci.example/b/7" }],
    });
    expect(c.scoreSoFar).toEqual({ criterion: 90, milestone: 61.5, milestoneStatus: "IN_PROGRESS" });
    expect(c.milestone.dueDate).toBe("2026-01-22T00:00:00.000Z");
  });

  it("keeps only http(s) links (a javascript: URL is never shown as evidence)", () => {
    const c = signedContent(
      facts(
        {
          evidence: {
            links: [
              { label: "x", url: "javascript:alert(1)" },
              { label: "Doc", url: "https://docs.example/spec" },
            ],
          },
        },
        { commitSha: null, buildUrl: "ftp://x", createdAt: new Date(0) },
      ),
    );
    expect(c.evidence.links).toEqual([{ label: "Doc", url: "https://docs.example/spec" }]);
  });

  it("is deterministic: the same facts give the same content hash", () => {
    expect(contentHash(signedContent(facts()))).toBe(contentHash(signedContent(facts())));
    expect(contentHash(signedContent(facts({ deliverable: "Something else" })))).not.toBe(
      contentHash(signedContent(facts())),
    );
  });
});

describe("repeatsLatest", () => {
  it("is a repeat only for the same person and the same decision as the latest one", () => {
    expect(repeatsLatest(null, { userId: "u1", decision: "APPROVED" })).toBe(false);
    expect(repeatsLatest({ userId: "u1", decision: "APPROVED" }, { userId: "u1", decision: "APPROVED" })).toBe(true);
    expect(repeatsLatest({ userId: "u1", decision: "APPROVED" }, { userId: "u1", decision: "CHANGES_REQUESTED" })).toBe(
      false,
    );
    expect(repeatsLatest({ userId: "u2", decision: "APPROVED" }, { userId: "u1", decision: "APPROVED" })).toBe(false);
  });
});

describe("milestoneSignOffState", () => {
  const c = (requiresSignOff: boolean, latestDecision: "APPROVED" | "CHANGES_REQUESTED" | null) => ({
    requiresSignOff,
    latestDecision,
  });

  it("waits while any sign-off criterion is undecided", () => {
    expect(milestoneSignOffState([c(true, "APPROVED"), c(true, null), c(false, null)])).toEqual({
      required: 2,
      decided: 1,
      approved: 1,
      allDecided: false,
      signedOff: false,
    });
  });

  it("is decided but not signed off when changes were requested", () => {
    expect(milestoneSignOffState([c(true, "APPROVED"), c(true, "CHANGES_REQUESTED")])).toMatchObject({
      allDecided: true,
      signedOff: false,
    });
  });

  it("is signed off when every sign-off criterion's latest decision is an approval", () => {
    expect(milestoneSignOffState([c(true, "APPROVED"), c(true, "APPROVED"), c(false, null)])).toMatchObject({
      allDecided: true,
      signedOff: true,
      approved: 2,
    });
  });

  it("a week without sign-off criteria is never 'decided'", () => {
    expect(milestoneSignOffState([c(false, null)])).toMatchObject({ required: 0, allDecided: false, signedOff: false });
  });
});
