import type { Db } from "../../server/db/client";
import { createSession } from "../../server/db/sessions";
import { SIGN_OFF_CLOSED_STATUSES } from "../../domain/signoff/state";
import { createTenantFixture, refundAt, signOffCriterionOf, type TenantFixture } from "../../tests/helpers/fixtures";

/**
 * The work the crash run fires: sign-off targets (an approver and an open sign-off criterion of a
 * project of their account) and refunds at CLAIMED, made through the seed and the test fixtures (real
 * services), never raw SQL. The seeded demo approvers come first; fixture tenants (one approver, two
 * open weeks each) top it up to the wanted count, so the chains of several projects and tenants grow.
 */
export type Session = { sessionId: string; userId: string; tenantId: string };
export type SignOffTarget = { who: Session; criterionId: string; decision: "APPROVED" | "CHANGES_REQUESTED" };
/** Four eyes (docs/security.md#refunds-four-eyes): the admin starts the review and pays, the executive approves. */
export type RefundTarget = { admin: Session; exec: Session; refundId: string; version: number; amountCents: number };
export type Work = { signOffs: SignOffTarget[]; refunds: RefundTarget[]; staff: Map<string, Session>; portal: Session };

const DAY = 86_400_000;

async function sessionOf(db: Db, user: { id: string; tenantId: string }, now: Date): Promise<Session> {
  const sessionId = await createSession(db, {
    tenantId: user.tenantId,
    userId: user.id,
    method: "crash-safety",
    expiresAt: new Date(now.getTime() + DAY),
    now,
  });
  return { sessionId, userId: user.id, tenantId: user.tenantId };
}

/** Every seeded approver × every open sign-off criterion of their account's projects. */
async function seededTargets(db: Db, now: Date): Promise<SignOffTarget[]> {
  const approvers = await db.user.findMany({
    where: { role: "CUSTOMER", isApprover: true, disabledAt: null },
    orderBy: { email: "asc" },
    select: { id: true, tenantId: true, customerAccountId: true },
  });
  const targets: SignOffTarget[] = [];
  for (const a of approvers) {
    if (!a.customerAccountId) continue;
    const criteria = await db.milestoneCriterion.findMany({
      where: {
        tenantId: a.tenantId,
        requiresSignOff: true,
        milestone: {
          status: { notIn: [...SIGN_OFF_CLOSED_STATUSES] },
          project: { customerAccountId: a.customerAccountId },
        },
      },
      orderBy: { id: "asc" },
      select: { id: true, signOffs: { orderBy: { seq: "desc" }, take: 1, select: { userId: true, decision: true } } },
    });
    if (criteria.length === 0) continue;
    const who = await sessionOf(db, a, now);
    for (const c of criteria) {
      const latest = c.signOffs[0];
      // not a repeat of the latest decision, so the request writes a new chain entry
      const decision =
        latest && latest.userId === a.id && latest.decision === "APPROVED" ? "CHANGES_REQUESTED" : "APPROVED";
      targets.push({ who, criterionId: c.id, decision });
    }
  }
  return targets;
}

const asSession = (u: TenantFixture["users"]["CUSTOMER"]): Session => ({
  sessionId: u.sessionId,
  userId: u.id,
  tenantId: u.tenantId,
});

export async function prepareWork(db: Db, opts: { signOffs: number; refunds: number; now: Date }): Promise<Work> {
  const signOffs = await seededTargets(db, opts.now);
  const staff = new Map<string, Session>();
  const leads = await db.user.findMany({
    where: { role: "TECH_LEAD", disabledAt: null },
    orderBy: { email: "asc" },
    select: { id: true, tenantId: true },
  });
  for (const l of leads) if (!staff.has(l.tenantId)) staff.set(l.tenantId, await sessionOf(db, l, opts.now));
  const refunds: RefundTarget[] = [];
  const fixtures: TenantFixture[] = [];
  while (signOffs.length < opts.signOffs || refunds.length < opts.refunds) {
    const f = await createTenantFixture("crash", opts.now);
    fixtures.push(f);
    staff.set(f.tenant.id, asSession(f.users.TECH_LEAD));
    for (const week of [1, 2]) {
      const { criterionId } = await signOffCriterionOf(f.projectA.id, week);
      signOffs.push({ who: asSession(f.users.CUSTOMER), criterionId, decision: "APPROVED" });
    }
    if (refunds.length < opts.refunds) {
      const r = await refundAt(f, "CLAIMED");
      const { amountCents } = await db.refund.findUniqueOrThrow({
        where: { id: r.refundId },
        select: { amountCents: true },
      });
      refunds.push({
        admin: asSession(f.users.ADMIN),
        exec: asSession(f.users.EXECUTIVE),
        refundId: r.refundId,
        version: r.expectedVersion,
        amountCents,
      });
    }
  }
  const portal = signOffs[0]?.who;
  if (!portal) throw new Error("no sign-off target was prepared");
  return { signOffs: signOffs.slice(0, opts.signOffs), refunds, staff, portal };
}
