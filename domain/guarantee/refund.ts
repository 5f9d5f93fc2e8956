/**
 * The refund state machine (docs/domain.md#guarantee "If Success Criteria Not Met": full refund of the guarantee amount).
 * Pure: which transition is legal from which state, and how much may still be refunded.
 *
 *   CLAIMED ──review──▶ UNDER_REVIEW ──approve──▶ APPROVED ──pay──▶ PAID
 *                              └──────reject──▶ REJECTED
 *
 * Ours: a decision (approve or reject) is taken under review only; PAID and REJECTED are final. Amounts
 * are integer cents; the refunds of one guarantee that are not rejected never add up to more than the
 * guarantee amount, and a payment never exceeds the approved amount.
 */
export const REFUND_STATUSES = ["CLAIMED", "UNDER_REVIEW", "APPROVED", "PAID", "REJECTED"] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];
export const REFUND_ACTIONS = ["review", "approve", "reject", "pay"] as const;
export type RefundAction = (typeof REFUND_ACTIONS)[number];

export const REFUND_TRANSITIONS: Record<RefundAction, { from: RefundStatus; to: RefundStatus; verb: string }> = {
  review: { from: "CLAIMED", to: "UNDER_REVIEW", verb: "start the review of" },
  approve: { from: "UNDER_REVIEW", to: "APPROVED", verb: "approve" },
  reject: { from: "UNDER_REVIEW", to: "REJECTED", verb: "reject" },
  pay: { from: "APPROVED", to: "PAID", verb: "mark as paid" },
};

export const FINAL_REFUND_STATUSES: readonly RefundStatus[] = ["PAID", "REJECTED"];
export const STATUS_LABEL: Record<RefundStatus, string> = {
  CLAIMED: "claimed",
  UNDER_REVIEW: "under review",
  APPROVED: "approved",
  PAID: "paid",
  REJECTED: "rejected",
};

export type TransitionCheck =
  | { allowed: true; to: RefundStatus }
  /** `alreadyDone`: the refund is already where this action leads (a repeated click) */
  | { allowed: false; alreadyDone: boolean; message: string };

export function refundTransition(current: RefundStatus, action: RefundAction): TransitionCheck {
  const t = REFUND_TRANSITIONS[action];
  if (current === t.from) return { allowed: true, to: t.to };
  if (current === t.to)
    return { allowed: false, alreadyDone: true, message: `This refund is already ${STATUS_LABEL[current]}.` };
  const why = FINAL_REFUND_STATUSES.includes(current)
    ? "that is final"
    : `only a refund that is ${STATUS_LABEL[t.from]} can be`;
  return {
    allowed: false,
    alreadyDone: false,
    message: `You cannot ${t.verb} a refund that is ${STATUS_LABEL[current]}: ${why}.`,
  };
}

/** Cents still available for refunds: the guarantee amount less every refund not rejected. */
export function refundRoom(
  guaranteeAmountCents: number,
  refunds: readonly { status: RefundStatus; amountCents: number }[],
): number {
  const committed = refunds.filter((r) => r.status !== "REJECTED").reduce((s, r) => s + r.amountCents, 0);
  return Math.max(0, guaranteeAmountCents - committed);
}

export type AmountCheck = { ok: true } | { ok: false; message: string };

function positiveCents(amountCents: number): AmountCheck | null {
  if (!Number.isSafeInteger(amountCents)) return { ok: false, message: "The amount is a whole number of cents." };
  if (amountCents <= 0) return { ok: false, message: "The amount must be above zero." };
  return null;
}

export function checkClaimAmount(amountCents: number, roomCents: number): AmountCheck {
  const bad = positiveCents(amountCents);
  if (bad) return bad;
  if (amountCents > roomCents)
    return {
      ok: false,
      message: `At most ${roomCents} cents can still be refunded on this guarantee (its amount less the other refunds).`,
    };
  return { ok: true };
}

export function checkPaidAmount(amountCents: number, approvedCents: number): AmountCheck {
  const bad = positiveCents(amountCents);
  if (bad) return bad;
  if (amountCents > approvedCents)
    return { ok: false, message: `The payment cannot exceed the approved ${approvedCents} cents.` };
  return { ok: true };
}

/** Who took a refund's earlier steps: the claim, the start of the review, the approval. */
export type RefundPeople = { claimedById: string | null; reviewedById: string | null; decidedById: string | null };

type Person = { id: string } | null;
/** The people of a refund as reads give them (each step's person or null). */
export function refundPeople(r: { claimedBy: Person; reviewedBy: Person; decidedBy: Person }): RefundPeople {
  return {
    claimedById: r.claimedBy?.id ?? null,
    reviewedById: r.reviewedBy?.id ?? null,
    decidedById: r.decidedBy?.id ?? null,
  };
}

/**
 * Four eyes (docs/security.md#refunds-four-eyes): whoever asked for a refund or started its review does not
 * approve it, and whoever approved it does not record its payment — unless the workspace lets one person
 * take a refund through alone. Rejecting pays nothing and needs no second person. The reason, in the
 * person's own words, or null when they may take the step.
 */
export function fourEyesRefusal(
  action: RefundAction,
  people: RefundPeople,
  actorId: string | null,
  onePersonAllowed: boolean,
): string | null {
  if (onePersonAllowed || actorId === null) return null;
  if (action === "approve") {
    const rule = "so another executive approves it (four-eyes rule). You can still reject it.";
    if (people.reviewedById === actorId) return `You started the review of this refund, ${rule}`;
    if (people.claimedById === actorId) return `You asked for this refund, ${rule}`;
  }
  if (action === "pay" && people.decidedById === actorId)
    return "You approved this refund, so someone else records its payment (four-eyes rule).";
  return null;
}
