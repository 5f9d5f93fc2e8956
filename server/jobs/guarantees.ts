import { enforceGuarantees } from "@/server/services/guarantee-jobs";
import { hourKey } from "./period";
import type { JobDefinition } from "./runner";

/** Hourly: every guarantee whose clock has ended is validated and decided once (docs/domain.md#guarantee). */
export const guaranteesJob: JobDefinition = {
  name: "guarantees",
  title: "Guarantee enforcement",
  description:
    "At the end of each guarantee's clock: the final validation, the outcome, the remedy choice on failure, alerts and notifications.",
  schedule: "5 * * * *",
  period: hourKey,
  async run(ctx) {
    const counts = await enforceGuarantees(ctx.db, ctx.now, { tenantId: ctx.tenantId });
    for (const [key, n] of Object.entries(counts)) if (n > 0) ctx.count(ctx.tenantId ?? "_all", key, n);
    return "done";
  },
};
