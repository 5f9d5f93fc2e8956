import { chosenChannels, readChannelPrefs } from "@/lib/schemas/channel-prefs";
import type { Db, Prisma } from "@/server/db/client";
import { notificationsSince, type JobTenant } from "@/server/db/automation";
import { insertOutboxMessages } from "@/server/db/outbox";
import { ACTIVE_PROJECT_STATUSES, progressUpdatesFor } from "@/server/db/progress-updates";
import { digestPeriod, localDay } from "@/server/engines/progress/calendar";
import { DIGEST_EVENT_LIMIT, composeDigest, updateFormatFor, type ProjectUpdate } from "@/server/engines/progress/stakeholder-updates";
import { rowsForPerson } from "@/server/messaging/fan-out";
import { digestDocument } from "@/server/messaging/templates/documents";
import { renderMessage } from "@/server/messaging/templates/render";
import { readStoredUpdate } from "./progress-updates";

/**
 * One digest per person and day at most (issue 6: "too many emails"): the person's projects' progress
 * updates of the day, in their format (seed §3.2), plus a line per notification they got since the
 * last digest — however many events happened, they are summed up in this one message. Queued under
 * `digest/<userId>/<local date>/<channel>`: a second run of the day queues nothing.
 */
export type DigestPerson = {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  role: "ADMIN" | "EXECUTIVE" | "CSM" | "TECH_LEAD" | "CUSTOMER";
  stakeholderRole: "EXECUTIVE_SPONSOR" | "TECHNICAL_LEAD" | "PRODUCT_OWNER" | "MEMBER" | null;
  customerAccountId: string | null;
  channelPrefs: unknown;
};

/** Executives see every active project; the digest keeps the riskiest (DIGEST_PROJECT_LIMIT). */
const MAX_PROJECTS_READ = 200;
const DAY_MS = 86_400_000;

function projectsOf(person: DigestPerson): Prisma.ProjectWhereInput | null {
  const active = { status: { in: ACTIVE_PROJECT_STATUSES } };
  if (person.role === "CUSTOMER") return person.customerAccountId ? { ...active, customerAccountId: person.customerAccountId } : null;
  if (person.role === "TECH_LEAD") return { ...active, techLeadId: person.id };
  if (person.role === "CSM") return { ...active, customerAccount: { csmId: person.id } };
  if (person.role === "EXECUTIVE") return active;
  return null;
}

export type DigestResult = "queued" | "already_queued" | "not_due" | "nothing_to_report";

export async function queueDigest(db: Db, tenant: JobTenant, person: DigestPerson, now: Date, appUrl: string): Promise<DigestResult> {
  const prefs = readChannelPrefs(person.channelPrefs);
  const day = localDay(now, tenant.timezone);
  const period = digestPeriod(prefs.digest, day);
  const channels = chosenChannels(prefs);
  if (!period || channels.length === 0) return "not_due";
  const where = projectsOf(person);
  if (!where) return "nothing_to_report";
  const rows = await progressUpdatesFor(db, tenant.id, day.date, where, MAX_PROJECTS_READ);
  const customer = person.role === "CUSTOMER";
  const updates: ProjectUpdate[] = rows.flatMap((r) => {
    const stored = readStoredUpdate(r.analysis);
    if (!stored) return [];
    const projectUrl = `${appUrl}${customer ? "/portal/projects" : "/projects"}/${r.projectId}`;
    return [{
      projectId: r.projectId, projectName: r.project.name, progressPercent: r.progress, report: stored.report, analysis: stored.analysis,
      projectUrl, executiveUrl: customer ? projectUrl : `${appUrl}/dashboard`, currency: tenant.currency,
    }];
  });
  if (updates.length === 0) return "nothing_to_report";

  const since = new Date(now.getTime() - (period.cadence === "daily" ? 1 : 7) * DAY_MS);
  const events = await notificationsSince(db, tenant.id, person.id, since, DIGEST_EVENT_LIMIT);
  const digest = composeDigest({
    format: updateFormatFor(person), recipientName: person.name, cadence: period.cadence, periodLabel: period.label, updates,
    events: events.titles, totalEvents: events.total,
  });
  if (!digest) return "nothing_to_report";
  const message = renderMessage(digestDocument(digest, {
    preferences: `${appUrl}${customer ? "/portal/preferences" : "/settings/notifications"}`,
    inApp: customer ? "/portal" : "/projects",
  }));
  const inserted = await insertOutboxMessages(db, rowsForPerson({ id: person.id, tenantId: tenant.id, email: person.email, prefs }, message, `digest/${person.id}/${day.date}`, { now, channels }));
  return inserted > 0 ? "queued" : "already_queued";
}
