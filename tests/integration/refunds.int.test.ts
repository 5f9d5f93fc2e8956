import { beforeAll, describe, expect, it } from "vitest";
import {
  codeOf,
  callerFor,
  concurrencyDb,
  createTenantFixture,
  decidedGuaranteeFor,
  refundAt,
  secondExecutiveOf,
  shapeOf,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";

/**
 * docs/domain.md#guarantee: the refund state machine — claimed → under review → approved (executives only, with a reason)
 * → paid (amount, reference, date) or rejected — with optimistic locking, audit and notifications, and
 * the guarantee amount as the cap on all refunds together.
 */
let f: TenantFixture;

const refundOf = (id: string) => testDb().refund.findUniqueOrThrow({ where: { id } });
const audits = (id: string) =>
  testDb().auditEvent.findMany({
    where: { entityType: "Refund", entityId: id },
    orderBy: { createdAt: "asc" },
    select: { action: true, actorId: true, before: true, after: true },
  });

beforeAll(async () => {
  f = await createTenantFixture("refunds");
});

describe("the refund workflow", () => {
  it("claimed → under review → approved → paid, each step versioned, audited and told to the stakeholders", async () => {
    const { refundId, projectId } = await refundAt(f, "CLAIMED");
    const exec = callerFor(f.users.EXECUTIVE);
    expect((await exec.refunds.list({})).refunds.map((r) => r.id)).toContain(refundId);

    const reviewed = await callerFor(f.users.ADMIN).refunds.startReview({ refundId, expectedVersion: 0 });
    expect(reviewed).toMatchObject({ changed: true, refund: { status: "UNDER_REVIEW", version: 1 } });
    const approved = await exec.refunds.approve({
      refundId,
      expectedVersion: 1,
      reason: "Weeks 2–4 failed validation.",
    });
    expect(approved.refund).toMatchObject({
      status: "APPROVED",
      version: 2,
      decisionNote: "Weeks 2–4 failed validation.",
      decidedBy: { id: f.users.EXECUTIVE.id },
    });
    expect(
      await testDb().alert.count({ where: { projectId, kind: "REFUND_AWAITING_APPROVAL", resolvedAt: null } }),
    ).toBe(0);

    const paidAt = new Date(Date.now() - 60_000);
    const paid = await callerFor(f.users.ADMIN).refunds.markPaid({
      refundId,
      expectedVersion: 2,
      amountCents: 2_000_000,
      reference: "WIRE-2026-0042",
      paidAt,
    });
    expect(paid.refund).toMatchObject({
      status: "PAID",
      version: 3,
      amountCents: 2_000_000,
      reference: "WIRE-2026-0042",
      paidAt,
    });
    expect(await testDb().guarantee.findUniqueOrThrow({ where: { projectId } })).toMatchObject({
      status: "REMEDIED",
      remedy: "REFUND",
    });

    expect(
      (await audits(refundId)).map((a) => [
        a.action,
        (a.before as { status?: string } | null)?.status ?? null,
        (a.after as { status: string }).status,
      ]),
    ).toEqual([
      ["refund.claimed", null, "CLAIMED"],
      ["refund.review_started", "CLAIMED", "UNDER_REVIEW"],
      ["refund.approved", "UNDER_REVIEW", "APPROVED"],
      ["refund.paid", "APPROVED", "PAID"],
    ]);
    const told = await testDb().notification.findMany({
      where: { userId: f.users.CUSTOMER.id, title: { startsWith: "Refund" }, link: { contains: projectId } },
      select: { title: true },
    });
    expect(told.map((n) => n.title.split(":")[0]).sort()).toEqual([
      "Refund approved",
      "Refund paid",
      "Refund under review",
    ]);
  });

  it("only an executive approves or rejects; admins may review and record payments", async () => {
    const { refundId } = await refundAt(f, "UNDER_REVIEW");
    for (const user of [f.users.ADMIN, f.users.CSM, f.users.TECH_LEAD, f.users.CUSTOMER]) {
      expect(
        await codeOf(
          callerFor(user).refunds.approve({ refundId, expectedVersion: 1, reason: "Looks justified to me." }),
        ),
        user.role,
      ).toBe("FORBIDDEN");
      expect(
        await codeOf(
          callerFor(user).refunds.reject({ refundId, expectedVersion: 1, reason: "Looks unjustified to me." }),
        ),
        user.role,
      ).toBe("FORBIDDEN");
    }
    expect(await refundOf(refundId)).toMatchObject({ status: "UNDER_REVIEW", version: 1 });
    expect(
      await codeOf(callerFor(f.users.EXECUTIVE).refunds.approve({ refundId, expectedVersion: 1, reason: "" })),
    ).toBe("BAD_REQUEST");
  });

  it("refuses every illegal transition (400) and a stale version (409); nothing is written", async () => {
    const exec = callerFor(f.users.EXECUTIVE);
    const claimed = await refundAt(f, "CLAIMED");
    expect(
      await codeOf(
        exec.refunds.approve({ refundId: claimed.refundId, expectedVersion: 0, reason: "Skipping the review" }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await codeOf(
        exec.refunds.reject({ refundId: claimed.refundId, expectedVersion: 0, reason: "Skipping the review" }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await codeOf(
        exec.refunds.markPaid({
          refundId: claimed.refundId,
          expectedVersion: 0,
          amountCents: 100,
          reference: "REF-1",
          paidAt: new Date(),
        }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await refundOf(claimed.refundId)).toMatchObject({ status: "CLAIMED", version: 0 });

    const approved = await refundAt(f, "APPROVED");
    const illegal = await shapeOf(
      exec.refunds.reject({ refundId: approved.refundId, expectedVersion: 2, reason: "Too late now" }),
      "refunds.reject",
    );
    expect(illegal?.message).toBe(
      "You cannot reject a refund that is approved: only a refund that is under review can be.",
    );
    expect(await codeOf(exec.refunds.startReview({ refundId: approved.refundId, expectedVersion: 2 }))).toBe(
      "BAD_REQUEST",
    );
    // a stale page: the caller saw version 1 (under review) and tries to reject
    expect(
      await codeOf(exec.refunds.reject({ refundId: approved.refundId, expectedVersion: 1, reason: "Stale decision" })),
    ).toBe("CONFLICT");
    expect(await refundOf(approved.refundId)).toMatchObject({ status: "APPROVED", version: 2 });
    expect((await audits(approved.refundId)).length).toBe(3);
  });

  it("refuses a payment that is negative, above the approved amount or dated in the future, with field errors", async () => {
    const { refundId } = await refundAt(f, "APPROVED");
    const exec = callerFor(f.users.EXECUTIVE);
    const base = { refundId, expectedVersion: 2, reference: "WIRE-1", paidAt: new Date() };
    expect(
      (await shapeOf(exec.refunds.markPaid({ ...base, amountCents: -1 }), "refunds.markPaid"))?.data.fieldErrors,
    ).toHaveProperty("amountCents");
    expect(
      (await shapeOf(exec.refunds.markPaid({ ...base, amountCents: 1.5 }), "refunds.markPaid"))?.data.fieldErrors,
    ).toHaveProperty("amountCents");
    const over = await shapeOf(exec.refunds.markPaid({ ...base, amountCents: 2_000_001 }), "refunds.markPaid");
    expect(over?.data).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { amountCents: "The payment cannot exceed the approved 2000000 cents." },
    });
    const future = await shapeOf(
      exec.refunds.markPaid({ ...base, amountCents: 100, paidAt: new Date(Date.now() + 86_400_000) }),
      "refunds.markPaid",
    );
    expect(future?.data).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { paidAt: "The payment date cannot be in the future." },
    });
    expect(await refundOf(refundId)).toMatchObject({
      status: "APPROVED",
      version: 2,
      amountCents: 2_000_000,
      reference: null,
    });
  });

  it("a rejection re-opens the customer's choice; all refunds together never exceed the guarantee amount", async () => {
    const { refundId, projectId } = await refundAt(f, "UNDER_REVIEW");
    await callerFor(f.users.EXECUTIVE).refunds.reject({
      refundId,
      expectedVersion: 1,
      reason: "The delay was on the customer's side.",
    });
    const g = await testDb().guarantee.findUniqueOrThrow({ where: { projectId } });
    expect(g).toMatchObject({ status: "FAILED", remedy: null });
    const customer = callerFor(f.users.CUSTOMER);
    expect(
      (
        await shapeOf(
          customer.portal.chooseRemedy({ projectId, remedy: "REFUND", amountCents: 2_000_001 }),
          "portal.chooseRemedy",
        )
      )?.data.code,
    ).toBe("BAD_REQUEST");
    const second = await customer.portal.chooseRemedy({ projectId, remedy: "REFUND", amountCents: 1_500_000 });
    expect(second.changed).toBe(true);
    const refunds = await testDb().refund.findMany({ where: { guaranteeId: g.id }, orderBy: { createdAt: "asc" } });
    expect(refunds.map((r) => [r.status, r.amountCents])).toEqual([
      ["REJECTED", 2_000_000],
      ["CLAIMED", 1_500_000],
    ]);
    const exec = callerFor(f.users.EXECUTIVE);
    expect(
      (await exec.refunds.list({ status: "OPEN" })).refunds.find((r) => r.id === second.refundId)?.guarantee.roomCents,
    ).toBe(500_000);
  });
});

describe("four eyes (docs/security.md#refunds-four-eyes)", () => {
  it("whoever started the review does not approve it; whoever approved does not record the payment", async () => {
    const { refundId } = await refundAt(f, "CLAIMED");
    const exec = callerFor(f.users.EXECUTIVE);
    await exec.refunds.startReview({ refundId, expectedVersion: 0 });
    const own = await shapeOf(
      exec.refunds.approve({ refundId, expectedVersion: 1, reason: "I reviewed it myself." }),
      "refunds.approve",
    );
    expect(own?.data.code).toBe("FORBIDDEN");
    expect(own?.data.httpStatus).toBe(403);
    expect(own?.message).toBe(
      "You started the review of this refund, so another executive approves it (four-eyes rule). You can still reject it.",
    );
    expect(await refundOf(refundId)).toMatchObject({ status: "UNDER_REVIEW", version: 1 });

    const other = callerFor(await secondExecutiveOf(f));
    const approved = await other.refunds.approve({ refundId, expectedVersion: 1, reason: "Criteria clearly missed." });
    expect(approved.refund).toMatchObject({ status: "APPROVED", reviewedBy: { id: f.users.EXECUTIVE.id } });
    const pay = { refundId, expectedVersion: 2, amountCents: 100, reference: "WIRE-4E", paidAt: new Date() };
    const selfPaid = await shapeOf(other.refunds.markPaid(pay), "refunds.markPaid");
    expect(selfPaid?.data.code).toBe("FORBIDDEN");
    expect(selfPaid?.message).toBe("You approved this refund, so someone else records its payment (four-eyes rule).");
    expect(await refundOf(refundId)).toMatchObject({ status: "APPROVED", version: 2, reference: null });
    const paid = await exec.refunds.markPaid(pay);
    expect(paid.refund).toMatchObject({ status: "PAID", paidBy: { id: f.users.EXECUTIVE.id } });
    expect((await audits(refundId)).map((a) => [a.action, a.actorId]).slice(1)).toEqual([
      ["refund.review_started", f.users.EXECUTIVE.id],
      ["refund.approved", (await secondExecutiveOf(f)).id],
      ["refund.paid", f.users.EXECUTIVE.id],
    ]);
  });

  it("a refund claimed by a member of staff is approved by someone else", async () => {
    const { refundId } = await refundAt(f, "UNDER_REVIEW");
    await testDb().refund.update({ where: { id: refundId }, data: { claimedById: f.users.EXECUTIVE.id } });
    const own = await shapeOf(
      callerFor(f.users.EXECUTIVE).refunds.approve({ refundId, expectedVersion: 1, reason: "My own claim." }),
      "refunds.approve",
    );
    expect(own?.data.code).toBe("FORBIDDEN");
    expect(own?.message).toBe(
      "You asked for this refund, so another executive approves it (four-eyes rule). You can still reject it.",
    );
  });

  it("rejecting needs no second person: it pays nothing", async () => {
    const { refundId } = await refundAt(f, "CLAIMED");
    const exec = callerFor(f.users.EXECUTIVE);
    await exec.refunds.startReview({ refundId, expectedVersion: 0 });
    const rejected = await exec.refunds.reject({
      refundId,
      expectedVersion: 1,
      reason: "Delay caused by the customer.",
    });
    expect(rejected.refund.status).toBe("REJECTED");
  });

  it("an admin lets one person take a refund through alone (one-person companies), audited", async () => {
    const solo = await createTenantFixture("refunds-solo");
    const exec = callerFor(solo.users.EXECUTIVE);
    for (const user of [solo.users.EXECUTIVE, solo.users.CSM, solo.users.TECH_LEAD, solo.users.CUSTOMER])
      expect(await codeOf(callerFor(user).workspace.updateSettings({ refundsByOnePerson: true })), user.role).toBe(
        "FORBIDDEN",
      );
    const admin = callerFor(solo.users.ADMIN);
    expect((await admin.workspace.settings()).refundsByOnePerson).toBe(false);
    expect(await admin.workspace.updateSettings({ refundsByOnePerson: true })).toMatchObject({
      refundsByOnePerson: true,
    });
    expect(
      await testDb().auditEvent.findMany({
        where: { tenantId: solo.tenant.id, action: "workspace.settings_changed" },
        select: { actorId: true, before: true, after: true },
      }),
    ).toEqual([
      { actorId: solo.users.ADMIN.id, before: { refundsByOnePerson: false }, after: { refundsByOnePerson: true } },
    ]);
    expect(await codeOf(admin.workspace.updateSettings({ refundsByOnePerson: "yes" as unknown as boolean }))).toBe(
      "BAD_REQUEST",
    );

    const { refundId } = await refundAt(solo, "CLAIMED");
    await exec.refunds.startReview({ refundId, expectedVersion: 0 });
    await exec.refunds.approve({ refundId, expectedVersion: 1, reason: "Criteria clearly missed." });
    const paid = await exec.refunds.markPaid({
      refundId,
      expectedVersion: 2,
      amountCents: 100,
      reference: "WIRE-SOLO",
      paidAt: new Date(),
    });
    expect(paid.refund.status).toBe("PAID");
    expect((await exec.refunds.list({ status: "ALL" })).refundsByOnePerson).toBe(true);
    // and back: the rule holds again
    await admin.workspace.updateSettings({ refundsByOnePerson: false });
    const next = await refundAt(solo, "CLAIMED");
    await exec.refunds.startReview({ refundId: next.refundId, expectedVersion: 0 });
    expect(
      await codeOf(exec.refunds.approve({ refundId: next.refundId, expectedVersion: 1, reason: "Alone again." })),
    ).toBe("FORBIDDEN");
  });
});

describe("concurrency", () => {
  it("two simultaneous approvals make one transition: one changes it, the other gets the refund as it now is", async () => {
    const { refundId } = await refundAt(f, "UNDER_REVIEW");
    const execCaller = () => createCaller(createInnerContext({ user: f.users.EXECUTIVE, db: concurrencyDb() }));
    const outcomes = await Promise.allSettled([
      execCaller().refunds.approve({ refundId, expectedVersion: 1, reason: "Approve from tab one" }),
      execCaller().refunds.approve({ refundId, expectedVersion: 1, reason: "Approve from tab two" }),
    ]);
    const changed = outcomes.filter((o) => o.status === "fulfilled" && o.value.changed).length;
    const others = outcomes.filter((o) => !(o.status === "fulfilled" && o.value.changed));
    expect(changed).toBe(1);
    for (const o of others) {
      if (o.status === "fulfilled") expect(o.value).toMatchObject({ changed: false, refund: { status: "APPROVED" } });
      else expect((o.reason as { code?: string }).code).toBe("CONFLICT");
    }
    expect(await refundOf(refundId)).toMatchObject({ status: "APPROVED", version: 2 });
    expect((await audits(refundId)).filter((a) => a.action === "refund.approved")).toHaveLength(1);
  });

  it("an approval racing a rejection: exactly one wins, the other is told", async () => {
    const { refundId } = await refundAt(f, "UNDER_REVIEW");
    const exec = () => createCaller(createInnerContext({ user: f.users.EXECUTIVE, db: concurrencyDb() }));
    const [a, r] = await Promise.allSettled([
      exec().refunds.approve({ refundId, expectedVersion: 1, reason: "Approve it" }),
      exec().refunds.reject({ refundId, expectedVersion: 1, reason: "Reject it" }),
    ]);
    const wins = [a, r].filter((o) => o.status === "fulfilled" && o.value.changed);
    expect(wins).toHaveLength(1);
    const lost = [a, r].find((o) => o.status === "rejected");
    expect(lost?.reason).toMatchObject({ code: "CONFLICT" });
    expect((await refundOf(refundId)).version).toBe(2);
  });
});

describe("the queue", () => {
  it("lists open refunds by default, every status on request, and nothing of another tenant", async () => {
    await decidedGuaranteeFor(f, "failure");
    const exec = callerFor(f.users.EXECUTIVE);
    const approved = await refundAt(f, "APPROVED");
    await exec.refunds.markPaid({
      refundId: approved.refundId,
      expectedVersion: 2,
      amountCents: 1_000_000,
      reference: "WIRE-9",
      paidAt: new Date(),
    });
    const open = await exec.refunds.list({});
    expect(open.refunds.every((r) => ["CLAIMED", "UNDER_REVIEW", "APPROVED"].includes(r.status))).toBe(true);
    const all = await exec.refunds.list({ status: "ALL" });
    expect(all.refunds.length).toBeGreaterThan(open.refunds.length);
    expect(all.counts.PAID).toBeGreaterThanOrEqual(1);
    const other = await createTenantFixture("refunds-other");
    expect((await callerFor(other.users.EXECUTIVE).refunds.list({ status: "ALL" })).refunds).toEqual([]);
    expect(
      await codeOf(
        callerFor(other.users.EXECUTIVE).refunds.startReview({
          refundId: all.refunds[0]?.id ?? "",
          expectedVersion: 0,
        }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("pages in the database, oldest claim first, with the total of the filter", async () => {
    const g = await createTenantFixture("refunds-pages");
    const made: string[] = [];
    for (let i = 0; i < 3; i += 1) made.push((await refundAt(g, "CLAIMED")).refundId);
    const exec = callerFor(g.users.EXECUTIVE);
    const first = await exec.refunds.list({ status: "OPEN", page: 1, pageSize: 2 });
    const second = await exec.refunds.list({ status: "OPEN", page: 2, pageSize: 2 });
    expect([first.total, first.page, first.pageSize, second.page]).toEqual([3, 1, 2, 2]);
    expect([...first.refunds, ...second.refunds].map((r) => r.id)).toEqual(made);
    expect((await exec.refunds.list({ status: "PAID", page: 1, pageSize: 2 })).total).toBe(0);
    expect(await codeOf(exec.refunds.list({ page: 0 }))).toBe("BAD_REQUEST");
    expect(await codeOf(exec.refunds.list({ pageSize: 101 }))).toBe("BAD_REQUEST");
  });
});
