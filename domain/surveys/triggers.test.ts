import { describe, expect, it } from "vitest";
import {
  CATCH_UP_DAYS,
  milestoneCsatDue,
  projectEndDue,
  projectEndedAt,
  quarterOf,
  quarterlyNpsDue,
  surveyExpiry,
  surveyQuestion,
} from "./triggers";

const DAY = 86_400_000;
const NOW = new Date("2026-05-20T12:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

describe("CSAT after a signed-off milestone", () => {
  it("asks every stakeholder, keyed per milestone and person", () => {
    const due = milestoneCsatDue({ projectId: "p", milestoneId: "m", signedOffAt: ago(1) }, ["u1", "u2"], NOW);
    expect(due).toEqual([
      {
        projectId: "p",
        milestoneId: "m",
        recipientId: "u1",
        kind: "CSAT",
        trigger: "MILESTONE_SIGN_OFF",
        key: "csat/m/u1",
      },
      {
        projectId: "p",
        milestoneId: "m",
        recipientId: "u2",
        kind: "CSAT",
        trigger: "MILESTONE_SIGN_OFF",
        key: "csat/m/u2",
      },
    ]);
  });

  it("catches up for CATCH_UP_DAYS, not longer, and never for a future sign-off", () => {
    expect(
      milestoneCsatDue({ projectId: "p", milestoneId: "m", signedOffAt: ago(CATCH_UP_DAYS) }, ["u"], NOW),
    ).toHaveLength(1);
    expect(
      milestoneCsatDue(
        { projectId: "p", milestoneId: "m", signedOffAt: new Date(ago(CATCH_UP_DAYS).getTime() - 1) },
        ["u"],
        NOW,
      ),
    ).toHaveLength(0);
    expect(
      milestoneCsatDue({ projectId: "p", milestoneId: "m", signedOffAt: new Date(NOW.getTime() + 1) }, ["u"], NOW),
    ).toHaveLength(0);
  });
});

describe("project end", () => {
  const project = { projectId: "p", status: "ACTIVE", targetEndDate: ago(2), completedAt: null };

  it("ends at completion or target end date, whichever is first; a cancelled project never ends for surveys", () => {
    expect(projectEndedAt({ status: "ACTIVE", targetEndDate: ago(2), completedAt: null }, NOW)).toEqual(ago(2));
    expect(projectEndedAt({ status: "COMPLETED", targetEndDate: ago(2), completedAt: ago(5) }, NOW)).toEqual(ago(5));
    expect(projectEndedAt({ status: "ACTIVE", targetEndDate: ago(-3), completedAt: null }, NOW)).toBeNull();
    expect(projectEndedAt({ status: "REFUNDED", targetEndDate: ago(-3), completedAt: null }, NOW)).toEqual(NOW);
    expect(projectEndedAt({ status: "CANCELLED", targetEndDate: ago(2), completedAt: ago(2) }, NOW)).toBeNull();
  });

  it("sends CSAT and NPS to each stakeholder", () => {
    expect(projectEndDue(project, ["u1"], NOW).map((s) => [s.kind, s.trigger, s.key])).toEqual([
      ["CSAT", "PROJECT_END", "csat/end/p/u1"],
      ["NPS", "PROJECT_END", "nps/p/u1"],
    ]);
  });

  it("does not reach back to projects that ended long ago", () => {
    expect(projectEndDue({ ...project, targetEndDate: ago(CATCH_UP_DAYS + 1) }, ["u1"], NOW)).toEqual([]);
  });
});

describe("quarterly NPS", () => {
  it("labels the quarter and sends on the 15th of its first month", () => {
    expect(quarterOf(NOW)).toEqual({ period: "2026-Q2", sendAt: new Date("2026-04-15T10:00:00Z") });
    expect(quarterOf(new Date("2026-01-01T00:00:00Z")).period).toBe("2026-Q1");
    expect(quarterOf(new Date("2026-12-31T23:59:59Z")).period).toBe("2026-Q4");
  });

  it("is not due before the send moment, due from it on", () => {
    const projects = [{ id: "p", status: "ACTIVE", startDate: new Date("2026-03-01T00:00:00Z") }];
    expect(quarterlyNpsDue(projects, ["u"], new Date("2026-04-15T09:59:59Z"))).toEqual([]);
    expect(quarterlyNpsDue(projects, ["u"], new Date("2026-04-15T10:00:00Z"))).toEqual([
      {
        projectId: "p",
        milestoneId: null,
        recipientId: "u",
        kind: "NPS",
        trigger: "QUARTERLY",
        key: "nps/quarterly/2026-Q2/u",
      },
    ]);
  });

  it("is about the account's latest project started by the send moment; none without one", () => {
    const projects = [
      { id: "old", status: "COMPLETED", startDate: new Date("2025-06-01T00:00:00Z") },
      { id: "new", status: "ACTIVE", startDate: new Date("2026-02-01T00:00:00Z") },
      { id: "later", status: "ACTIVE", startDate: new Date("2026-05-01T00:00:00Z") },
      { id: "gone", status: "CANCELLED", startDate: new Date("2026-03-01T00:00:00Z") },
    ];
    expect(quarterlyNpsDue(projects, ["u"], NOW)[0]?.projectId).toBe("new");
    expect(
      quarterlyNpsDue([{ id: "later", status: "ACTIVE", startDate: new Date("2026-05-01T00:00:00Z") }], ["u"], NOW),
    ).toEqual([]);
  });
});

describe("links and questions", () => {
  it("a link expires after 14 days", () => {
    expect(surveyExpiry(NOW)).toEqual(new Date("2026-06-03T12:00:00Z"));
  });

  it("asks about the week, the project, or the recommendation", () => {
    const base = { projectName: "Intake", providerName: "Northwind Labs" };
    expect(
      surveyQuestion({
        ...base,
        kind: "CSAT",
        trigger: "MILESTONE_SIGN_OFF",
        milestone: { weekNumber: 2, title: "Core" },
      }),
    ).toBe("How satisfied are you with week 2 (Core) of Intake?");
    expect(surveyQuestion({ ...base, kind: "CSAT", trigger: "PROJECT_END", milestone: null })).toBe(
      "How satisfied are you with Intake overall?",
    );
    expect(surveyQuestion({ ...base, kind: "NPS", trigger: "QUARTERLY", milestone: null })).toBe(
      "How likely are you to recommend Northwind Labs to a friend or colleague?",
    );
  });
});
