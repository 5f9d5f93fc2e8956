import type { LeadStage } from "@/generated/prisma/enums";

/** The pipeline stages as the lead pages, notifications and error messages name them. */
export const LEAD_STAGE_LABEL: Record<LeadStage, string> = {
  NEW: "New",
  QUALIFYING: "Qualifying",
  QUALIFIED: "Qualified",
  UNQUALIFIED: "Unqualified",
  FEASIBILITY: "Feasibility",
  PROPOSAL: "Proposal",
  CONVERTED: "Converted",
  LOST: "Lost",
};

/** The stage inside a sentence: "qualified". */
export const stageWord = (stage: LeadStage): string => LEAD_STAGE_LABEL[stage].toLowerCase();
