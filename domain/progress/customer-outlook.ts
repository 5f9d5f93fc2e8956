/**
 * What a customer needs to know about their project beyond the progress bar (docs/domain.md#progress-updates, docs/domain.md#sign-offs). Pure: the weeks, their criteria with the
 * latest sign-off decision, the guarantee's days left and `now` in; risks in plain language, what awaits
 * the customer's sign-off and the next deliverables out.
 */
export type OutlookMilestone = {
  weekNumber: number;
  title: string;
  status: "PENDING" | "IN_PROGRESS" | "SUCCESS" | "AT_RISK" | "FAILED";
  dueDate: Date;
  score: number | null;
  minimumSuccessThreshold: number;
  criteria: {
    id: string;
    name: string;
    deliverable: string;
    requiresSignOff: boolean;
    latestDecision: "APPROVED" | "CHANGES_REQUESTED" | null;
  }[];
};

export type Risk = { level: "critical" | "warning" | "info"; text: string };
export type Deliverable = {
  criterionId: string;
  weekNumber: number;
  dueDate: Date;
  name: string;
  deliverable: string;
  needsYourSignOff: boolean;
};

export type CustomerOutlook = { risks: Risk[]; awaitingSignOff: string[]; upcomingDeliverables: Deliverable[] };

/** Few enough to read at a glance; the weekly list below has everything. */
export const MAX_UPCOMING = 6;
/** Below this many days left with weeks still open, the guarantee's clock is worth a line. */
export const GUARANTEE_WARNING_DAYS = 7;

const day = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const fmt = (n: number) => String(Math.round(n * 10) / 10);

export function customerOutlook(
  milestones: readonly OutlookMilestone[],
  guaranteeDaysLeft: number | null,
  now: Date,
): CustomerOutlook {
  const weeks = [...milestones].sort((a, b) => a.weekNumber - b.weekNumber);
  const risks: Risk[] = [];
  const awaitingSignOff: string[] = [];

  for (const m of weeks) {
    const name = `Week ${m.weekNumber} (${m.title})`;
    const scored =
      m.score === null ? "" : `: it scored ${fmt(m.score)} where ${fmt(m.minimumSuccessThreshold)} is needed`;
    if (m.status === "FAILED")
      risks.push({
        level: "critical",
        text: `${name} missed its target${scored}. It has been escalated; your team will contact you with a recovery plan.`,
      });
    if (m.status === "AT_RISK")
      risks.push({ level: "warning", text: `${name} is at risk${scored}. The team is working on a recovery plan.` });
    if ((m.status === "PENDING" || m.status === "IN_PROGRESS") && m.dueDate.getTime() < now.getTime()) {
      risks.push({
        level: "warning",
        text: `${name} was due on ${day.format(m.dueDate)} and has not been confirmed yet.`,
      });
    }
    // a week not started has nothing to sign yet; a met week is done
    if (m.status === "PENDING" || m.status === "SUCCESS") continue;
    for (const c of m.criteria) {
      if (!c.requiresSignOff) continue;
      if (c.latestDecision === null) awaitingSignOff.push(c.id);
      if (c.latestDecision === "CHANGES_REQUESTED")
        risks.push({
          level: "info",
          text: `You asked for changes to "${c.name}" (week ${m.weekNumber}); the team is working on them.`,
        });
    }
  }
  if (awaitingSignOff.length > 0) {
    risks.push({
      level: "info",
      text: `${awaitingSignOff.length} deliverable${awaitingSignOff.length === 1 ? " is" : "s are"} waiting for your sign-off.`,
    });
  }
  const open = weeks.filter((m) => m.status !== "SUCCESS").length;
  if (guaranteeDaysLeft !== null && guaranteeDaysLeft <= GUARANTEE_WARNING_DAYS && open > 0) {
    risks.push({
      level: "warning",
      text: `${guaranteeDaysLeft} day${guaranteeDaysLeft === 1 ? "" : "s"} left on the 30-day guarantee with ${open} week${open === 1 ? "" : "s"} not met yet.`,
    });
  }

  const upcomingDeliverables = weeks
    .filter((m) => m.status !== "SUCCESS")
    .flatMap((m) =>
      m.criteria
        .filter((c) => !(c.requiresSignOff && c.latestDecision === "APPROVED"))
        .map((c) => ({
          criterionId: c.id,
          weekNumber: m.weekNumber,
          dueDate: m.dueDate,
          name: c.name,
          deliverable: c.deliverable,
          needsYourSignOff: c.requiresSignOff && c.latestDecision !== "APPROVED",
        })),
    )
    .slice(0, MAX_UPCOMING);

  const order = { critical: 0, warning: 1, info: 2 } as const;
  return { risks: risks.sort((a, b) => order[a.level] - order[b.level]), awaitingSignOff, upcomingDeliverables };
}
