import { describe, expect, it } from "vitest";
import { buildProgressReport, type ReportMilestone } from "./report";
import {
  DIGEST_EVENT_LIMIT,
  DIGEST_PROJECT_LIMIT,
  composeDigest,
  stakeholderSection,
  updateFormatFor,
  type ProjectUpdate,
} from "./stakeholder-updates";
import { analyzeProgress } from "./trends";
import { projectProgress } from "./project-progress";

const DAY = 86_400_000;
const NOW = new Date("2030-03-13T12:00:00.000Z");

const milestones: ReportMilestone[] = [
  {
    weekNumber: 1,
    title: "Discovery",
    dueDate: new Date(NOW.getTime() - 2 * DAY),
    status: "SUCCESS",
    score: 91.4,
    validatedAt: new Date(NOW.getTime() - 3_600_000),
    criteria: [
      {
        name: "Requirements Analysis Complete",
        deliverable: "Spec",
        requiresSignOff: true,
        latestSignOff: { decision: "APPROVED", at: new Date(NOW.getTime() - 7_200_000) },
      },
    ],
  },
  {
    weekNumber: 2,
    title: "Core features",
    dueDate: new Date(NOW.getTime() + 5 * DAY),
    status: "IN_PROGRESS",
    score: null,
    validatedAt: null,
    criteria: [
      {
        name: "Sign-up flow",
        deliverable: "Working sign-up",
        requiresSignOff: true,
        latestSignOff: { decision: "CHANGES_REQUESTED", at: new Date(NOW.getTime() - DAY) },
      },
      { name: "API", deliverable: "REST endpoints", requiresSignOff: false, latestSignOff: null },
    ],
  },
  {
    weekNumber: 3,
    title: "Integrations",
    dueDate: new Date(NOW.getTime() + 12 * DAY),
    status: "PENDING",
    score: null,
    validatedAt: null,
    criteria: [],
  },
];

function update(name: string, over: Partial<ProjectUpdate> = {}): ProjectUpdate {
  const report = buildProgressReport({
    now: NOW,
    since: null,
    milestones,
    quality: { score: 88, gatesPassed: 12, gatesFailed: 2, escalated: false, at: new Date(NOW.getTime() - 3_600_000) },
    evidence: { coverage: 82, testsPassed: 120, testsFailed: 1, commitSha: "abcdef1234", buildUrl: null, at: NOW },
    environments: [
      { kind: "DEVELOPMENT", status: "READY" },
      { kind: "STAGING", status: "PROVISIONING" },
    ],
  });
  const progress = projectProgress(
    milestones,
    { startsAt: new Date(NOW.getTime() - 10 * DAY), endsAt: new Date(NOW.getTime() + 20 * DAY), delays: [] },
    NOW,
  );
  const analysis = analyzeProgress({
    now: NOW,
    progress,
    milestones,
    history: [],
    openAlerts: [],
    quality: null,
    guarantee: { amountCents: 2_500_000, endsAt: new Date(NOW.getTime() + 20 * DAY), status: "ACTIVE" },
  });
  return {
    projectId: name,
    projectName: name,
    progressPercent: progress.progressPercent,
    report,
    analysis,
    projectUrl: `https://x/${name}`,
    executiveUrl: "https://x/dashboard",
    currency: "USD",
    ...over,
  };
}

describe("buildProgressReport", () => {
  it("lists achievements since the last update, the current week's deliverables, pending sign-offs and what is next", () => {
    const r = update("P").report;
    expect(r.weekNumber).toBe(2);
    expect(r.achievements).toEqual([
      'Week 1 "Discovery" met (score 91)',
      "Signed off: Requirements Analysis Complete (week 1)",
      "Quality validation passed 12 of 14 gates (score 88)",
    ]);
    expect(r.deliverables.map((d) => d.name)).toEqual(["Sign-up flow", "API"]);
    expect(r.pendingSignOffs).toEqual([{ weekNumber: 2, name: "Sign-up flow" }]);
    expect(r.upcoming.map((u) => u.weekNumber)).toEqual([2, 3]);
    expect(r.nextMilestoneDate).toBe(milestones[1]?.dueDate.toISOString());
  });

  it("reports nothing achieved when the last update came after the results", () => {
    const r = buildProgressReport({
      now: NOW,
      since: new Date(NOW.getTime() - 60_000),
      milestones,
      quality: null,
      evidence: null,
      environments: [],
    });
    expect(r.achievements).toEqual([]);
  });
});

describe("updateFormatFor", () => {
  it("maps stakeholder and staff roles to the seed's four formats", () => {
    expect(updateFormatFor({ role: "CUSTOMER", stakeholderRole: "EXECUTIVE_SPONSOR" })).toBe("executive");
    expect(updateFormatFor({ role: "CUSTOMER", stakeholderRole: "TECHNICAL_LEAD" })).toBe("technical");
    expect(updateFormatFor({ role: "CUSTOMER", stakeholderRole: "PRODUCT_OWNER" })).toBe("product");
    expect(updateFormatFor({ role: "CUSTOMER", stakeholderRole: "MEMBER" })).toBe("standard");
    expect(updateFormatFor({ role: "CUSTOMER", stakeholderRole: null })).toBe("standard");
    expect(updateFormatFor({ role: "EXECUTIVE", stakeholderRole: null })).toBe("executive");
    expect(updateFormatFor({ role: "TECH_LEAD", stakeholderRole: null })).toBe("technical");
    expect(updateFormatFor({ role: "CSM", stakeholderRole: null })).toBe("standard");
  });
});

describe("stakeholderSection", () => {
  const u = update("Apollo");
  it("executive: progress, status, timeline, budget, risk and the executive view", () => {
    const s = stakeholderSection("executive", u);
    expect(s.facts.map((f) => f.label)).toEqual(["Progress", "Status", "Timeline", "Budget", "Risk", "Next review"]);
    expect(s.facts[0]?.value).toBe("33.3% complete");
    expect(s.facts[3]?.value).toBe("Within budget (fixed price)");
    expect(s.link.url).toBe("https://x/dashboard");
    expect(s.title).toBe("Apollo - Week 2");
  });
  it("technical: quality gates, evidence and environments", () => {
    const s = stakeholderSection("technical", u);
    expect(s.facts.find((f) => f.label === "Quality gates")?.value).toBe("12 of 14 passed, score 88");
    expect(s.facts.find((f) => f.label === "Evidence")?.value).toContain(
      "coverage 82%, 120 tests passed, 1 failed, commit abcdef1",
    );
    expect(s.lists[0]).toEqual({ heading: "Environments", items: ["development: ready", "staging: provisioning"] });
  });
  it("product: deliverables, pending sign-offs and what is upcoming", () => {
    const s = stakeholderSection("product", u);
    expect(s.lists.map((l) => l.heading)).toEqual([
      "Deliverables this week",
      "Sign-offs pending",
      "Upcoming milestones",
      "Key achievements",
    ]);
    expect(s.lists[1]?.items).toEqual(["Week 2: Sign-up flow"]);
  });
  it("standard: progress, achievements and upcoming", () => {
    const s = stakeholderSection("standard", u);
    expect(s.facts.map((f) => f.label)).toEqual(["Progress", "Status", "Timeline"]);
    expect(s.lists.map((l) => l.heading)).toEqual(["Key achievements", "Upcoming milestones"]);
  });
});

describe("composeDigest", () => {
  it("one project: the seed's subject line", () => {
    const d = composeDigest({
      format: "executive",
      recipientName: "Sam",
      cadence: "daily",
      periodLabel: "2030-03-13",
      updates: [update("Apollo")],
      events: [],
    });
    expect(d?.subject).toBe("Project Apollo - Week 2 Executive Summary");
  });
  it("nothing to report: no digest", () => {
    expect(
      composeDigest({
        format: "standard",
        recipientName: "Sam",
        cadence: "daily",
        periodLabel: "x",
        updates: [],
        events: ["a"],
      }),
    ).toBeNull();
  });
  it("caps projects and events, keeping the riskiest projects, and flags high risk in the subject", () => {
    const many = Array.from({ length: DIGEST_PROJECT_LIMIT + 2 }, (_, i) => update(`P${String(i).padStart(2, "0")}`));
    const base = update("Base").analysis;
    const risky = update("Risky", {
      analysis: { ...base, riskLevel: "high", riskPoints: 5, statusIndicator: "off_track" },
    });
    const events = Array.from({ length: DIGEST_EVENT_LIMIT + 5 }, (_, i) => `event ${i}`);
    const d = composeDigest({
      format: "standard",
      recipientName: "Sam",
      cadence: "weekly",
      periodLabel: "week 11 of 2030",
      updates: [...many, risky],
      events,
    });
    expect(d?.sections).toHaveLength(DIGEST_PROJECT_LIMIT);
    expect(d?.sections[0]?.projectId).toBe("Risky");
    expect(d?.omittedProjects).toBe(3);
    expect(d?.events).toHaveLength(DIGEST_EVENT_LIMIT);
    expect(d?.omittedEvents).toBe(5);
    expect(d?.priority).toBe("high");
    expect(d?.subject).toBe(
      `[Attention] Weekly progress update: ${DIGEST_PROJECT_LIMIT + 3} projects, week 11 of 2030`,
    );
    expect(d?.intro).toContain("1 off track");
  });
});
