import "server-only";
import { chosenChannels, readChannelPrefs } from "@/lib/schemas/channel-prefs";
import type { Db, Prisma } from "@/server/db/client";
import { notificationsSinceMany } from "@/server/db/notifications";
import { type JobTenant } from "@/server/db/workspaces";
import { insertOutboxMessagesReturning, type OutboxInsert } from "@/server/db/outbox";
import { progressUpdatesWithOwners } from "@/server/db/progress-updates";
import { digestPeriod, localDay } from "@/domain/progress/calendar";
import {
  DIGEST_EVENT_LIMIT,
  composeDigest,
  updateFormatFor,
  type ProjectUpdate,
} from "@/domain/progress/stakeholder-updates";
import { rowsForPerson } from "@/server/messaging/fan-out";
import { digestDocument } from "@/server/messaging/templates/documents";
import { renderMessage } from "@/server/messaging/templates/render";
import { readStoredUpdate } from "./progress-updates";

/**
 * One digest per person and day at most (docs/domain.md#progress-updates: "too many emails"): the person's projects' progress
 * updates of the day, in their format (docs/domain.md#progress-updates), plus a line per notification they got since the
 * last digest — however many events happened, they are summed up in this one message. Queued under
 * `digest/<userId>/<local date>/<channel>`: a second run of the day queues nothing.
 * bench/README.md: a page of people is served in a constant number of statements (updates, notifications, outbox).
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

type UpdateRow = Awaited<ReturnType<typeof progressUpdatesWithOwners>>[number];

/** Whose projects a person's digest covers (active ones; the query adds the status), or null: none. */
function projectsOf(person: DigestPerson): Prisma.ProjectWhereInput | null {
  if (person.role === "CUSTOMER")
    return person.customerAccountId ? { customerAccountId: person.customerAccountId } : null;
  if (person.role === "TECH_LEAD") return { techLeadId: person.id };
  if (person.role === "CSM") return { customerAccount: { csmId: person.id } };
  if (person.role === "EXECUTIVE") return {}; // every active project: read apart, see updatesOf
  return null;
}

/** The same rule as `projectsOf`, on a loaded row. */
function covers(person: DigestPerson, row: UpdateRow): boolean {
  if (person.role === "CUSTOMER") return row.project.customerAccountId === person.customerAccountId;
  if (person.role === "TECH_LEAD") return row.project.techLeadId === person.id;
  if (person.role === "CSM") return row.project.customerAccount.csmId === person.id;
  return person.role === "EXECUTIVE";
}

export type DigestResult = "queued" | "already_queued" | "not_due" | "nothing_to_report";

type Due = {
  person: DigestPerson;
  prefs: ReturnType<typeof readChannelPrefs>;
  period: NonNullable<ReturnType<typeof digestPeriod>>;
  channels: ReturnType<typeof chosenChannels>;
};

/** Each person's updates of the day, at most MAX_PROJECTS_READ, in project id order — two reads for the page. */
async function updatesOf(
  db: Db,
  tenant: JobTenant,
  date: string,
  people: DigestPerson[],
): Promise<Map<string, UpdateRow[]>> {
  const execs = people.filter((p) => p.role === "EXECUTIVE");
  const others = people
    .filter((p) => p.role !== "EXECUTIVE")
    .map(projectsOf)
    .filter((w): w is Prisma.ProjectWhereInput => w !== null);
  const [all, owned] = await Promise.all([
    execs.length > 0 ? progressUpdatesWithOwners(db, tenant.id, date, null, MAX_PROJECTS_READ) : [],
    others.length > 0 ? progressUpdatesWithOwners(db, tenant.id, date, others) : [],
  ]);
  const out = new Map<string, UpdateRow[]>();
  for (const person of people)
    out.set(
      person.id,
      (person.role === "EXECUTIVE" ? all : owned).filter((r) => covers(person, r)).slice(0, MAX_PROJECTS_READ),
    );
  return out;
}

export async function queueDigests(
  db: Db,
  tenant: JobTenant,
  people: DigestPerson[],
  now: Date,
  appUrl: string,
): Promise<Map<string, DigestResult>> {
  const results = new Map<string, DigestResult>();
  const day = localDay(now, tenant.timezone);
  const due: Due[] = [];
  for (const person of people) {
    const prefs = readChannelPrefs(person.channelPrefs);
    const period = digestPeriod(prefs.digest, day);
    const channels = chosenChannels(prefs);
    if (!period || channels.length === 0) results.set(person.id, "not_due");
    else if (!projectsOf(person)) results.set(person.id, "nothing_to_report");
    else due.push({ person, prefs, period, channels });
  }
  const rowsOf = await updatesOf(
    db,
    tenant,
    day.date,
    due.map((d) => d.person),
  );
  const withUpdates = due.flatMap((d) => {
    const customer = d.person.role === "CUSTOMER";
    const updates: ProjectUpdate[] = (rowsOf.get(d.person.id) ?? []).flatMap((r) => {
      const stored = readStoredUpdate(r.analysis);
      if (!stored) return [];
      const projectUrl = `${appUrl}${customer ? "/portal/projects" : "/projects"}/${r.projectId}`;
      return [
        {
          projectId: r.projectId,
          projectName: r.project.name,
          progressPercent: r.progress,
          report: stored.report,
          analysis: stored.analysis,
          projectUrl,
          executiveUrl: customer ? projectUrl : `${appUrl}/dashboard`,
          currency: tenant.currency,
        },
      ];
    });
    if (updates.length === 0) results.set(d.person.id, "nothing_to_report");
    return updates.length > 0
      ? [{ ...d, customer, updates, since: new Date(now.getTime() - (d.period.cadence === "daily" ? 1 : 7) * DAY_MS) }]
      : [];
  });
  const events = await notificationsSinceMany(
    db,
    tenant.id,
    withUpdates.map((d) => ({ userId: d.person.id, since: d.since })),
    DIGEST_EVENT_LIMIT,
  );

  const rows: OutboxInsert[] = [];
  const keyBases = new Map<string, string>();
  for (const { person, prefs, period, channels, customer, updates } of withUpdates) {
    const ev = events.get(person.id) ?? { total: 0, titles: [] };
    const digest = composeDigest({
      format: updateFormatFor(person),
      recipientName: person.name,
      cadence: period.cadence,
      periodLabel: period.label,
      updates,
      events: ev.titles,
      totalEvents: ev.total,
    });
    if (!digest) {
      results.set(person.id, "nothing_to_report");
      continue;
    }
    const message = renderMessage(
      digestDocument(digest, {
        preferences: `${appUrl}${customer ? "/portal/preferences" : "/settings/notifications"}`,
        inApp: customer ? "/portal" : "/projects",
      }),
    );
    const keyBase = `digest/${person.id}/${day.date}`;
    keyBases.set(person.id, keyBase);
    rows.push(
      ...rowsForPerson({ id: person.id, tenantId: tenant.id, email: person.email, prefs }, message, keyBase, {
        now,
        channels,
        mailKind: "digest",
      }),
    );
  }
  const inserted = await insertOutboxMessagesReturning(db, rows);
  const queued = new Set(inserted.map(({ idempotencyKey: key }) => key.slice(0, key.lastIndexOf("/"))));
  for (const [personId, keyBase] of keyBases) results.set(personId, queued.has(keyBase) ? "queued" : "already_queued");
  return results;
}

/** One person's digest (the same path as a page of one). */
export async function queueDigest(
  db: Db,
  tenant: JobTenant,
  person: DigestPerson,
  now: Date,
  appUrl: string,
): Promise<DigestResult> {
  return (await queueDigests(db, tenant, [person], now, appUrl)).get(person.id) ?? "nothing_to_report";
}
