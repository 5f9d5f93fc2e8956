/**
 * When a survey is due, and to whom (docs/domain.md#surveys: triggered automatically on milestone sign-off,
 * at project end and quarterly; docs/domain.md#surveys measures NPS quarterly). Pure: facts and `now` in, the due
 * surveys out. Each survey has a key unique per tenant, so creating the same one twice is a no-op.
 *
 * - CSAT after a signed-off milestone (every sign-off criterion approved), to each stakeholder of the
 *   account: key csat/<milestoneId>/<userId>.
 * - At project end, CSAT (csat/end/<projectId>/<userId>) and NPS (nps/<projectId>/<userId>). A project
 *   ends at its completion or target end date, whichever comes first; a cancelled one gets none.
 * - Quarterly NPS from the 15th of each quarter's first month, to the stakeholders of accounts with a
 *   project started by then, about their latest project: nps/quarterly/<yyyy-Qn>/<userId>.
 * - Only events of the last CATCH_UP_DAYS trigger a survey: a job that was down catches up, but
 *   switching surveys on never mails every customer about projects that ended long ago.
 */
export type SurveyKind = "CSAT" | "NPS";
export type SurveyTrigger = "MILESTONE_SIGN_OFF" | "PROJECT_END" | "QUARTERLY" | "MANUAL";

export type DueSurvey = {
  projectId: string;
  milestoneId: string | null;
  recipientId: string;
  kind: SurveyKind;
  trigger: SurveyTrigger;
  key: string;
};

const DAY_MS = 86_400_000;
/** a link stays answerable this long */
export const SURVEY_TTL_DAYS = 14;
export const CATCH_UP_DAYS = 14;
/** seed-style quarterly send day: the 15th of the quarter's first month, 10:00 UTC */
const QUARTERLY_SEND_DAY = 15;
const QUARTERLY_SEND_HOUR_UTC = 10;

export const ENDED_STATUSES = ["COMPLETED", "FAILED", "REFUNDED"] as const;

export const surveyKeys = {
  milestoneCsat: (milestoneId: string, userId: string) => `csat/${milestoneId}/${userId}`,
  projectEndCsat: (projectId: string, userId: string) => `csat/end/${projectId}/${userId}`,
  projectEndNps: (projectId: string, userId: string) => `nps/${projectId}/${userId}`,
  quarterlyNps: (period: string, userId: string) => `nps/quarterly/${period}/${userId}`,
};

export const surveyExpiry = (now: Date) => new Date(now.getTime() + SURVEY_TTL_DAYS * DAY_MS);

const recent = (at: Date, now: Date) =>
  at.getTime() <= now.getTime() && now.getTime() - at.getTime() <= CATCH_UP_DAYS * DAY_MS;

export function milestoneCsatDue(
  m: { projectId: string; milestoneId: string; signedOffAt: Date },
  recipients: readonly string[],
  now: Date,
): DueSurvey[] {
  if (!recent(m.signedOffAt, now)) return [];
  return recipients.map((recipientId) => ({
    projectId: m.projectId,
    milestoneId: m.milestoneId,
    recipientId,
    kind: "CSAT",
    trigger: "MILESTONE_SIGN_OFF",
    key: surveyKeys.milestoneCsat(m.milestoneId, recipientId),
  }));
}

/** When the project ended, or null while it runs (or when it was cancelled). */
export function projectEndedAt(
  p: { status: string; targetEndDate: Date; completedAt: Date | null },
  now: Date,
): Date | null {
  if (p.status === "CANCELLED") return null;
  const passed = [p.completedAt, p.targetEndDate].filter((d): d is Date => d !== null && d.getTime() <= now.getTime());
  if (passed.length > 0) return new Date(Math.min(...passed.map((d) => d.getTime())));
  return (ENDED_STATUSES as readonly string[]).includes(p.status) ? now : null;
}

export function projectEndDue(
  p: { projectId: string; status: string; targetEndDate: Date; completedAt: Date | null },
  recipients: readonly string[],
  now: Date,
): DueSurvey[] {
  const ended = projectEndedAt(p, now);
  if (!ended || !recent(ended, now)) return [];
  return recipients.flatMap((recipientId) => [
    {
      projectId: p.projectId,
      milestoneId: null,
      recipientId,
      kind: "CSAT" as const,
      trigger: "PROJECT_END" as const,
      key: surveyKeys.projectEndCsat(p.projectId, recipientId),
    },
    {
      projectId: p.projectId,
      milestoneId: null,
      recipientId,
      kind: "NPS" as const,
      trigger: "PROJECT_END" as const,
      key: surveyKeys.projectEndNps(p.projectId, recipientId),
    },
  ]);
}

/** The quarter `now` falls in: its label and the moment its NPS goes out. */
export function quarterOf(now: Date): { period: string; sendAt: Date } {
  const year = now.getUTCFullYear();
  const quarter = Math.floor(now.getUTCMonth() / 3);
  return {
    period: `${year}-Q${quarter + 1}`,
    sendAt: new Date(Date.UTC(year, quarter * 3, QUARTERLY_SEND_DAY, QUARTERLY_SEND_HOUR_UTC)),
  };
}

export function quarterlyNpsDue(
  projects: readonly { id: string; status: string; startDate: Date }[],
  recipients: readonly string[],
  now: Date,
): DueSurvey[] {
  const { period, sendAt } = quarterOf(now);
  if (now.getTime() < sendAt.getTime()) return [];
  const latest = projects
    .filter((p) => p.status !== "CANCELLED" && p.startDate.getTime() <= sendAt.getTime())
    .sort((a, b) => b.startDate.getTime() - a.startDate.getTime() || a.id.localeCompare(b.id))[0];
  if (!latest) return [];
  return recipients.map((recipientId) => ({
    projectId: latest.id,
    milestoneId: null,
    recipientId,
    kind: "NPS",
    trigger: "QUARTERLY",
    key: surveyKeys.quarterlyNps(period, recipientId),
  }));
}

/** The question a survey asks, in the customer's words. */
export function surveyQuestion(s: {
  kind: SurveyKind;
  trigger: SurveyTrigger;
  projectName: string;
  providerName: string;
  milestone: { weekNumber: number; title: string } | null;
}): string {
  if (s.kind === "NPS") return `How likely are you to recommend ${s.providerName} to a friend or colleague?`;
  if (s.milestone)
    return `How satisfied are you with week ${s.milestone.weekNumber} (${s.milestone.title}) of ${s.projectName}?`;
  return `How satisfied are you with ${s.projectName} overall?`;
}
