import { describe, expect, it } from "vitest";
import {
  REFUND_ACTIONS,
  REFUND_STATUSES,
  checkClaimAmount,
  checkPaidAmount,
  fourEyesRefusal,
  refundPeople,
  refundRoom,
  refundTransition,
  type RefundAction,
  type RefundStatus,
} from "./refund";
import { remedyChoice } from "./remedy";

const LEGAL: [RefundStatus, RefundAction, RefundStatus][] = [
  ["CLAIMED", "review", "UNDER_REVIEW"],
  ["UNDER_REVIEW", "approve", "APPROVED"],
  ["UNDER_REVIEW", "reject", "REJECTED"],
  ["APPROVED", "pay", "PAID"],
];

describe("refund state machine", () => {
  it.each(LEGAL)("%s --%s--> %s", (from, action, to) => {
    expect(refundTransition(from, action)).toEqual({ allowed: true, to });
  });

  const illegal = REFUND_STATUSES.flatMap((s) => REFUND_ACTIONS.map((a) => [s, a] as const)).filter(
    ([s, a]) => !LEGAL.some(([f, x]) => f === s && x === a),
  );
  it.each(illegal)("refuses %s --%s", (from, action) => {
    const r = refundTransition(from, action);
    expect(r.allowed).toBe(false);
  });

  it("has 4 legal and 16 refused transitions; a repeat of the last one is recognised as already done", () => {
    expect(illegal).toHaveLength(16);
    expect(refundTransition("APPROVED", "approve")).toEqual({
      allowed: false,
      alreadyDone: true,
      message: "This refund is already approved.",
    });
    expect(refundTransition("PAID", "pay")).toMatchObject({ alreadyDone: true });
    expect(refundTransition("REJECTED", "approve")).toEqual({
      allowed: false,
      alreadyDone: false,
      message: "You cannot approve a refund that is rejected: that is final.",
    });
    expect(refundTransition("CLAIMED", "approve")).toEqual({
      allowed: false,
      alreadyDone: false,
      message: "You cannot approve a refund that is claimed: only a refund that is under review can be.",
    });
    expect(refundTransition("PAID", "reject")).toMatchObject({
      alreadyDone: false,
      message: "You cannot reject a refund that is paid: that is final.",
    });
  });
});

describe("refund amounts (integer cents, capped at the guarantee amount in total)", () => {
  it("counts every refund that is not rejected against the guarantee amount", () => {
    expect(refundRoom(10_000, [])).toBe(10_000);
    expect(
      refundRoom(10_000, [
        { status: "PAID", amountCents: 4_000 },
        { status: "REJECTED", amountCents: 9_000 },
        { status: "UNDER_REVIEW", amountCents: 1_000 },
      ]),
    ).toBe(5_000);
    expect(refundRoom(10_000, [{ status: "PAID", amountCents: 10_000 }])).toBe(0);
  });

  it.each([
    [-1, "The amount must be above zero."],
    [0, "The amount must be above zero."],
    [10.5, "The amount is a whole number of cents."],
    [Number.NaN, "The amount is a whole number of cents."],
    [10_001, "At most 10000 cents can still be refunded on this guarantee (its amount less the other refunds)."],
  ])("refuses a claim of %s cents with 10000 left", (amount, message) => {
    expect(checkClaimAmount(amount, 10_000)).toEqual({ ok: false, message });
  });

  it("accepts a claim up to exactly what is left, and a payment up to the approved amount", () => {
    expect(checkClaimAmount(10_000, 10_000)).toEqual({ ok: true });
    expect(checkPaidAmount(10_000, 10_000)).toEqual({ ok: true });
    expect(checkPaidAmount(10_001, 10_000)).toEqual({
      ok: false,
      message: "The payment cannot exceed the approved 10000 cents.",
    });
    expect(checkPaidAmount(0, 10_000)).toMatchObject({ ok: false });
  });
});

describe("remedy choice (seed §1.3)", () => {
  it("opens only on a failed guarantee", () => {
    expect(remedyChoice({ status: "ACTIVE", remedy: null }, "REFUND")).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
    });
    expect(remedyChoice({ status: "SUCCEEDED", remedy: null }, "REFUND")).toEqual({
      ok: false,
      code: "BAD_REQUEST",
      message: "The guarantee was met, so there is no remedy to choose.",
    });
    expect(remedyChoice({ status: "FAILED", remedy: null }, "REFUND")).toEqual({
      ok: true,
      idempotent: false,
      nextStatus: "FAILED",
    });
    expect(remedyChoice({ status: "FAILED", remedy: null }, "CONTINUED_DEVELOPMENT")).toEqual({
      ok: true,
      idempotent: false,
      nextStatus: "REMEDIED",
    });
  });

  it("is made once: the same choice again is idempotent, another one a conflict", () => {
    expect(remedyChoice({ status: "FAILED", remedy: "REFUND" }, "REFUND")).toEqual({
      ok: true,
      idempotent: true,
      nextStatus: "FAILED",
    });
    expect(remedyChoice({ status: "REMEDIED", remedy: "MIGRATION_ASSISTANCE" }, "MIGRATION_ASSISTANCE")).toMatchObject({
      ok: true,
      idempotent: true,
    });
    expect(remedyChoice({ status: "FAILED", remedy: "REFUND" }, "MIGRATION_ASSISTANCE")).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(remedyChoice({ status: "REMEDIED", remedy: null }, "REFUND")).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});

describe("four eyes (docs/security.md#refunds-four-eyes)", () => {
  const people = { claimedById: "customer", reviewedById: "ann", decidedById: "bob" };
  it("refuses the approval to whoever asked or started the review, the payment to the approver", () => {
    expect(fourEyesRefusal("approve", people, "ann", false)).toMatch(/^You started the review of this refund/);
    expect(fourEyesRefusal("approve", { ...people, claimedById: "cat" }, "cat", false)).toMatch(
      /^You asked for this refund/,
    );
    expect(fourEyesRefusal("pay", people, "bob", false)).toBe(
      "You approved this refund, so someone else records its payment (four-eyes rule).",
    );
  });
  it("lets everyone else through, rejections and reviews always, and everyone when one person is allowed", () => {
    expect(fourEyesRefusal("approve", people, "bob", false)).toBeNull();
    expect(fourEyesRefusal("pay", people, "ann", false)).toBeNull();
    expect(fourEyesRefusal("reject", people, "ann", false)).toBeNull();
    expect(fourEyesRefusal("review", people, "customer", false)).toBeNull();
    expect(fourEyesRefusal("approve", people, "ann", true)).toBeNull();
    expect(fourEyesRefusal("pay", people, "bob", true)).toBeNull();
  });
  it("reads the people of a refund as reads give them", () => {
    expect(refundPeople({ claimedBy: { id: "c" }, reviewedBy: null, decidedBy: { id: "d" } })).toEqual({
      claimedById: "c",
      reviewedById: null,
      decidedById: "d",
    });
  });
});
