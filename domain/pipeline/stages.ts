import { stageWord } from "@/lib/labels/lead-stage";
/**
 * Lead stages and the moves a person may make between them. CONVERTED is never chosen by hand:
 * only kickoff (a project created from the lead) converts it. Saving an assessment moves a lead
 * itself (stageAfterAssessment). Seed docs/domain.md#journey: a score below 60 stops the journey as unqualified.
 */
export type LeadStage =
  "NEW" | "QUALIFYING" | "QUALIFIED" | "UNQUALIFIED" | "FEASIBILITY" | "PROPOSAL" | "CONVERTED" | "LOST";

export const MANUAL_TRANSITIONS: Record<LeadStage, readonly LeadStage[]> = {
  NEW: ["QUALIFYING", "LOST"],
  QUALIFYING: ["NEW", "LOST"],
  QUALIFIED: ["FEASIBILITY", "QUALIFYING", "LOST"],
  UNQUALIFIED: ["QUALIFYING", "LOST"],
  FEASIBILITY: ["PROPOSAL", "QUALIFIED", "LOST"],
  PROPOSAL: ["FEASIBILITY", "LOST"],
  CONVERTED: [],
  LOST: ["NEW"],
};

export type StageMove = { ok: true } | { ok: false; reason: string };

export function canMoveLead(from: LeadStage, to: LeadStage): StageMove {
  if (from === to) return { ok: false, reason: `The lead is already ${stageWord(to)}.` };
  if (to === "CONVERTED") return { ok: false, reason: "A lead is converted by kicking off its project, not by hand." };
  if (from === "CONVERTED")
    return { ok: false, reason: "A converted lead has a project; its stage no longer changes." };
  if (to === "QUALIFIED" && from !== "FEASIBILITY") {
    return { ok: false, reason: "A lead becomes qualified by saving an assessment that scores 60 or more." };
  }
  if (to === "UNQUALIFIED")
    return { ok: false, reason: "A lead becomes unqualified by saving an assessment that scores below 60." };
  return MANUAL_TRANSITIONS[from].includes(to)
    ? { ok: true }
    : {
        ok: false,
        reason: `A ${stageWord(from)} lead cannot move to ${stageWord(to)}: allowed are ${MANUAL_TRANSITIONS[from].map((s) => stageWord(s)).join(", ") || "none"}.`,
      };
}

/** Where a saved (non-draft) assessment puts a lead; later stages are left alone. */
export function stageAfterAssessment(current: LeadStage, passed: boolean): LeadStage {
  if (current === "NEW" || current === "QUALIFYING" || current === "QUALIFIED" || current === "UNQUALIFIED") {
    return passed ? "QUALIFIED" : "UNQUALIFIED";
  }
  return current;
}

/** A draft assessment only marks a new lead as being qualified. */
export function stageAfterDraft(current: LeadStage): LeadStage {
  return current === "NEW" ? "QUALIFYING" : current;
}
