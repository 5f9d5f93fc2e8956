import { z } from "zod";
import { ZIdSchema, ZPaginationSchema } from "./common";
import { ZProjectRequestSchema } from "./feasibility";
import { ZKickoffStakeholderSchema, MAX_KICKOFF_STAKEHOLDERS } from "./kickoff";
import { ZQualificationContextSchema } from "./qualification";

/**
 * Start (or resume) a lead's journey (docs/domain.md#journey). Inputs are optional: a phase whose data is already stored
 * (an assessment, an analysis, a chosen tier) uses it; answers or a request given here are saved first.
 */
export const ZStartJourneySchema = z.object({
  leadId: ZIdSchema,
  answers: z.record(z.string().max(64), z.unknown()).optional(),
  context: ZQualificationContextSchema.optional(),
  request: ZProjectRequestSchema.optional(),
  tierKey: z.string().trim().min(1).max(64).optional(),
  techLeadId: ZIdSchema.optional(),
  stakeholders: z.array(ZKickoffStakeholderSchema).max(MAX_KICKOFF_STAKEHOLDERS).optional(),
});

export const JOURNEY_STATUSES = ["IN_PROGRESS", "STOPPED", "FAILED", "MONITORING", "COMPLETED"] as const;

export const ZListJourneysSchema = ZPaginationSchema.extend({
  status: z.enum(JOURNEY_STATUSES, { message: "Unknown journey status" }).optional(),
});
export const ZJourneyIdSchema = z.object({ journeyId: ZIdSchema });

export type StartJourneyInput = z.infer<typeof ZStartJourneySchema>;
