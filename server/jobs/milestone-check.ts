import { milestonesToCheck } from "@/server/db/milestone-check";
import { REMINDER_WINDOW_DAYS } from "@/domain/progress/milestone-check";
import { deliveryConfig } from "@/server/messaging/config";
import { checkMilestone, type CheckedRow } from "@/server/services/milestone-check";
import { runPhases } from "./batches";
import { weekKey } from "./period";
import type { JobDefinition } from "./runner";

/** Weekly milestone check: due reminders, overdue → at risk, escalation alerts (server/services/milestone-check.ts). */
export const milestoneCheckJob: JobDefinition = {
  name: "milestone-check",
  title: "Weekly milestone check",
  description:
    "Reminds of weeks due within 7 days, marks past-due weeks at risk with an alert and an escalation task, and escalates weeks still at risk or failed a week later.",
  schedule: "0 8 * * 1",
  period: weekKey,
  async run(ctx) {
    const { appUrl } = deliveryConfig();
    const horizon = new Date(ctx.now.getTime() + REMINDER_WINDOW_DAYS * 86_400_000);
    return runPhases(ctx, [
      {
        name: "milestones",
        load: (tenant, afterId, take) => milestonesToCheck(ctx.db, tenant.id, horizon, afterId, take),
        handle: async (tenant, m: CheckedRow) => {
          const r = await checkMilestone(ctx.db, tenant, m, ctx.now, appUrl);
          if (r.reminders > 0) ctx.count(tenant.id, "reminders queued", r.reminders);
          if (r.overdue) ctx.count(tenant.id, "marked at risk");
          if (r.escalated) ctx.count(tenant.id, "escalations");
        },
      },
    ]);
  },
};
