import { snapshotHealth } from "@/server/services/retention-jobs";
import { dayKey } from "./period";
import type { JobDefinition } from "./runner";

/**
 * Daily: one health snapshot per account (its health score and expansion potential), and a new retention
 * plan when the strategy changed (docs/domain.md#retention). Named after what it scores; "health" alone
 * is the app's probe (`/api/health`).
 */
export const accountScoresJob: JobDefinition = {
  name: "account-scores",
  title: "Account health scores",
  description:
    "Scores every customer account's health, keeps the day's snapshot for trends, and re-plans retention when the strategy changes.",
  schedule: "24 2 * * *",
  period: dayKey,
  async run(ctx) {
    const counts = await snapshotHealth(ctx.db, ctx.now, { tenantId: ctx.tenantId });
    for (const [key, n] of Object.entries(counts)) if (n > 0) ctx.count(ctx.tenantId ?? "_all", key, n);
    return "done";
  },
};
