/**
 * The customer's remedy choice on a failed guarantee (docs/domain.md#guarantee "If Success Criteria Not Met"): a refund
 * of the guarantee amount, continued development at no cost until the criteria are met, or migration
 * assistance to an alternative solution. Pure.
 *
 * Ours: the choice opens when the final validation fails and is made once. Repeating the same choice is
 * idempotent; a different one afterwards is a conflict. A rejected refund re-opens the choice (the
 * service clears the remedy when it records the rejection). A refund stays FAILED until it is paid, then
 * the guarantee is REMEDIED; the other two remedies are agreed at once (REMEDIED) and tracked as a task.
 */
export const REMEDIES = ["REFUND", "CONTINUED_DEVELOPMENT", "MIGRATION_ASSISTANCE"] as const;
export type RemedyChoice = (typeof REMEDIES)[number];
export type GuaranteeStatus = "ACTIVE" | "PAUSED" | "SUCCEEDED" | "FAILED" | "REMEDIED";

export const REMEDY_LABEL: Record<RemedyChoice, string> = {
  REFUND: "Refund of the guarantee amount",
  CONTINUED_DEVELOPMENT: "Continued development at no cost until the criteria are met",
  MIGRATION_ASSISTANCE: "Migration assistance to an alternative solution",
};

export type RemedyCheck =
  | { ok: true; idempotent: boolean; nextStatus: GuaranteeStatus }
  | { ok: false; code: "BAD_REQUEST" | "CONFLICT"; message: string };

export function remedyChoice(
  guarantee: { status: GuaranteeStatus; remedy: RemedyChoice | null },
  choice: RemedyChoice,
): RemedyCheck {
  const { status, remedy } = guarantee;
  if (status === "ACTIVE" || status === "PAUSED") {
    return {
      ok: false,
      code: "BAD_REQUEST",
      message: "The guarantee is still running: a remedy can be chosen only if its final validation fails.",
    };
  }
  if (status === "SUCCEEDED")
    return { ok: false, code: "BAD_REQUEST", message: "The guarantee was met, so there is no remedy to choose." };
  if (remedy === choice) return { ok: true, idempotent: true, nextStatus: status };
  if (remedy !== null) {
    return {
      ok: false,
      code: "CONFLICT",
      message: `A remedy was already chosen: ${REMEDY_LABEL[remedy].toLowerCase()}.`,
    };
  }
  if (status === "REMEDIED")
    return { ok: false, code: "CONFLICT", message: "This guarantee has already been remedied." };
  return { ok: true, idempotent: false, nextStatus: choice === "REFUND" ? "FAILED" : "REMEDIED" };
}
