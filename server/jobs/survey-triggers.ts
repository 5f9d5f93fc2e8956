import { triggerDueSurveys } from "@/server/services/surveys";
import { hourKey } from "./period";
import type { JobDefinition } from "./runner";

/**
 * Survey triggers (docs/domain.md#surveys owns the rules: CSAT after a signed-off milestone, at project end, NPS each
 * quarter). The work is platform-wide and idempotent (one survey per trigger key), so its count is
 * kept under "_all", not per tenant.
 */
export const surveyTriggersJob: JobDefinition = {
  name: "survey-triggers",
  title: "Survey triggers",
  description:
    "Creates the CSAT and NPS surveys that are due (after sign-offs, at project end, quarterly) and sends their links.",
  schedule: "30 * * * *",
  period: hourKey,
  async run(ctx) {
    const { created } = await triggerDueSurveys(ctx.db, ctx.now);
    ctx.count("_all", "surveys created", created);
    return "done";
  },
};
