import { describe, expect, it } from "vitest";
import { customerOutlook, type OutlookMilestone } from "./customer-outlook";

const NOW = new Date("2026-02-10T12:00:00Z");
const week = (n: number, patch: Partial<OutlookMilestone> = {}): OutlookMilestone => ({
  weekNumber: n,
  title: `Title ${n}`,
  status: "PENDING",
  dueDate: new Date(Date.UTC(2026, 1, 3 + 7 * (n - 1))),
  score: null,
  minimumSuccessThreshold: 85,
  criteria: [
    { id: `s${n}`, name: `Sign ${n}`, deliverable: `Doc ${n}`, requiresSignOff: true, latestDecision: null },
    { id: `t${n}`, name: `Tech ${n}`, deliverable: `Build ${n}`, requiresSignOff: false, latestDecision: null },
  ],
  ...patch,
});

describe("customer outlook", () => {
  it("says nothing alarming about a project on track", () => {
    const out = customerOutlook(
      [
        week(1, {
          status: "SUCCESS",
          score: 92,
          criteria: [
            { id: "s1", name: "Sign 1", deliverable: "Doc", requiresSignOff: true, latestDecision: "APPROVED" },
          ],
        }),
        week(2, { status: "IN_PROGRESS", dueDate: new Date("2026-02-12T00:00:00Z") }),
      ],
      20,
      NOW,
    );
    expect(out.risks).toEqual([{ level: "info", text: "1 deliverable is waiting for your sign-off." }]);
    expect(out.awaitingSignOff).toEqual(["s2"]);
  });

  it("puts a missed week first, then at-risk and overdue weeks, in plain words", () => {
    const out = customerOutlook(
      [
        week(1, { status: "AT_RISK", score: 78.4 }),
        week(2, { status: "FAILED", score: 61 }),
        week(3, { status: "IN_PROGRESS", dueDate: new Date("2026-02-09T00:00:00Z") }),
      ],
      20,
      NOW,
    );
    expect(out.risks.map((r) => r.level)).toEqual(["critical", "warning", "warning", "info"]);
    expect(out.risks[0]?.text).toBe(
      "Week 2 (Title 2) missed its target: it scored 61 where 85 is needed. It has been escalated; your team will contact you with a recovery plan.",
    );
    expect(out.risks[1]?.text).toContain("Week 1 (Title 1) is at risk: it scored 78.4 where 85 is needed");
    expect(out.risks[2]?.text).toBe("Week 3 (Title 3) was due on Feb 9 and has not been confirmed yet.");
    expect(out.risks[3]?.text).toBe("3 deliverables are waiting for your sign-off.");
  });

  it("mentions requested changes and does not ask again for them", () => {
    const out = customerOutlook(
      [
        week(1, {
          status: "IN_PROGRESS",
          dueDate: new Date("2026-02-12T00:00:00Z"),
          criteria: [
            { id: "s1", name: "Spec", deliverable: "Doc", requiresSignOff: true, latestDecision: "CHANGES_REQUESTED" },
          ],
        }),
      ],
      20,
      NOW,
    );
    expect(out.awaitingSignOff).toEqual([]);
    expect(out.risks).toEqual([
      { level: "info", text: `You asked for changes to "Spec" (week 1); the team is working on them.` },
    ]);
  });

  it("does not ask for sign-off on weeks that have not started or are already met", () => {
    expect(
      customerOutlook([week(4, { dueDate: new Date("2026-03-01T00:00:00Z") }), week(1, { status: "SUCCESS" })], 20, NOW)
        .awaitingSignOff,
    ).toEqual([]);
  });

  it("warns when the guarantee's clock runs low with weeks still open, at 7 days and not at 8", () => {
    const open = [week(4, { dueDate: new Date("2026-03-01T00:00:00Z") })];
    expect(customerOutlook(open, 7, NOW).risks).toEqual([
      { level: "warning", text: "7 days left on the 30-day guarantee with 1 week not met yet." },
    ]);
    expect(customerOutlook(open, 8, NOW).risks).toEqual([]);
    expect(customerOutlook([week(1, { status: "SUCCESS" })], 1, NOW).risks).toEqual([]);
  });

  it("lists the next deliverables of open weeks in week order, leaving out what is approved", () => {
    const out = customerOutlook(
      [
        week(2, {
          status: "IN_PROGRESS",
          dueDate: new Date("2026-02-12T00:00:00Z"),
          criteria: [
            { id: "s2", name: "Sign 2", deliverable: "Doc 2", requiresSignOff: true, latestDecision: "APPROVED" },
            { id: "t2", name: "Tech 2", deliverable: "Build 2", requiresSignOff: false, latestDecision: null },
          ],
        }),
        week(1, { status: "SUCCESS" }),
        week(3, { dueDate: new Date("2026-02-19T00:00:00Z") }),
        week(4, { dueDate: new Date("2026-02-26T00:00:00Z") }),
        week(5, { dueDate: new Date("2026-03-05T00:00:00Z") }),
      ],
      20,
      NOW,
    );
    expect(out.upcomingDeliverables.map((d) => [d.weekNumber, d.name, d.needsYourSignOff])).toEqual([
      [2, "Tech 2", false],
      [3, "Sign 3", true],
      [3, "Tech 3", false],
      [4, "Sign 4", true],
      [4, "Tech 4", false],
      [5, "Sign 5", true],
    ]);
  });
});
