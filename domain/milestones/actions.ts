/**
 * Next actions after a milestone validation (docs/domain.md#milestones _generate_recovery_actions /
 * _generate_escalation_actions, left undefined by the seed). Ours:
 * - at risk → RECOVERY: extra resources on each weak criterion (the ones costing most points first,
 *   at most MAX_WEAK_CRITERIA), daily check-ins until re-validation, a re-validation.
 * - failed → ESCALATION: notify the delivery manager now, a recovery plan within 24 h, the customer's
 *   executive sponsor informed within 24 h.
 * - awaiting sign-off → FOLLOW_UP per criterion (ask for the sign-off, or address the requested changes).
 */
export type ActionKind = "RECOVERY" | "ESCALATION" | "FOLLOW_UP";
export type MilestoneAction = { kind: ActionKind; title: string; detail: string; dueInHours: number };

/** Hours from the validation until each action is due. */
export const ACTION_DUE_HOURS = {
  addResources: 48,
  dailyCheckIns: 24,
  revalidate: 72,
  notifyDeliveryManager: 1,
  recoveryPlan: 24,
  informSponsor: 24,
  requestSignOff: 24,
  addressChanges: 48,
} as const;
export const MAX_WEAK_CRITERIA = 3;

/** A counted criterion below the success bar, with the points it costs the milestone. */
export type WeakCriterion = { name: string; score: number; weight: number; pointsLost: number; deliverable?: string };
export type Thresholds = { minimumSuccessThreshold: number; escalationThreshold: number };

const fmt = (n: number) => String(Math.round(n * 100) / 100);
const names = (weak: WeakCriterion[]) =>
  weak
    .slice(0, MAX_WEAK_CRITERIA)
    .map((w) => `"${w.name}" (${fmt(w.score)})`)
    .join(", ");

/** `label` names the score quoted: "Score", or "Best-case score" while sign-offs are pending. */
export function recoveryActions(
  score: number,
  t: Thresholds,
  weak: WeakCriterion[],
  label = "Score",
): MilestoneAction[] {
  const gap = fmt(t.minimumSuccessThreshold - score);
  const perCriterion = weak.slice(0, MAX_WEAK_CRITERIA).map((w): MilestoneAction => ({
    kind: "RECOVERY",
    title: `Add resources to "${w.name}"`,
    detail:
      `Scored ${fmt(w.score)} with weight ${w.weight}: it costs ${fmt(w.pointsLost)} points. ` +
      `Assign additional capacity until ${w.deliverable ? `"${w.deliverable}"` : "its deliverable"} meets the bar.`,
    dueInHours: ACTION_DUE_HOURS.addResources,
  }));
  return [
    ...perCriterion,
    {
      kind: "RECOVERY",
      title: "Daily check-ins until re-validation",
      detail: `${label} ${fmt(score)} is ${gap} points under the ${t.minimumSuccessThreshold} success threshold: hold a daily check-in with the product owner on the weak criteria.`,
      dueInHours: ACTION_DUE_HOURS.dailyCheckIns,
    },
    {
      kind: "RECOVERY",
      title: "Re-validate the milestone",
      detail: `Re-score the criteria once the recovery work lands; the milestone needs ${gap} more points to succeed.`,
      dueInHours: ACTION_DUE_HOURS.revalidate,
    },
  ];
}

export function escalationActions(
  score: number,
  t: Thresholds,
  weak: WeakCriterion[],
  label = "Score",
): MilestoneAction[] {
  const weakest = weak.length > 0 ? ` Weakest criteria: ${names(weak)}.` : "";
  return [
    {
      kind: "ESCALATION",
      title: "Notify the delivery manager",
      detail: `${label} ${fmt(score)} is below the ${t.escalationThreshold} escalation threshold: the milestone ${label === "Score" ? "failed" : "cannot pass even with every sign-off"}.${weakest}`,
      dueInHours: ACTION_DUE_HOURS.notifyDeliveryManager,
    },
    {
      kind: "ESCALATION",
      title: "Recovery plan within 24 hours",
      detail: `Write a recovery plan with owners and dates that brings the score from ${fmt(score)} to ${t.minimumSuccessThreshold}, and share it with the customer.`,
      dueInHours: ACTION_DUE_HOURS.recoveryPlan,
    },
    {
      kind: "ESCALATION",
      title: "Inform the executive sponsor",
      detail: `Tell the customer's executive sponsor that the milestone failed (${fmt(score)} < ${t.escalationThreshold}), what it means for the guarantee, and the recovery plan.`,
      dueInHours: ACTION_DUE_HOURS.informSponsor,
    },
  ];
}

export function signOffActions(
  pending: { name: string; decision: "none" | "changes_requested"; deliverable?: string }[],
): MilestoneAction[] {
  return pending.map((p): MilestoneAction =>
    p.decision === "changes_requested"
      ? {
          kind: "FOLLOW_UP",
          title: `Address the requested changes on "${p.name}"`,
          detail:
            "The customer asked for changes: make them, then ask for the sign-off again. The criterion counts as 0 until approved.",
          dueInHours: ACTION_DUE_HOURS.addressChanges,
        }
      : {
          kind: "FOLLOW_UP",
          title: `Request the customer's sign-off on "${p.name}"`,
          detail: `Ask a customer approver to review ${p.deliverable ? `"${p.deliverable}"` : "the deliverable"} and sign it off.`,
          dueInHours: ACTION_DUE_HOURS.requestSignOff,
        },
  );
}
