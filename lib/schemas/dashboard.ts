import { z } from "zod";
import { DEFAULT_RANGE_DAYS, RANGE_PRESETS } from "@/domain/dashboard/range";
import { ZPaginationSchema } from "./common";

/**
 * The dashboard's range: a preset `{ days: 30 | 90 | 365 }` (ending now) or explicit `{ from, to }`
 * dates. The shape is checked here; whether the dates make sense (order, length, not in the future)
 * is the dashboard engine's rule (domain/dashboard/range.ts), answered with a 400 too.
 */
export const ZDashboardRangeSchema = z
  .strictObject({
    days: z
      .number({ error: `days must be a number: ${RANGE_PRESETS.join(", ")}` })
      .int("days must be a whole number")
      .optional(),
    from: z.date({ error: "from must be a valid date" }).optional(),
    to: z.date({ error: "to must be a valid date" }).optional(),
  })
  .superRefine((v, ctx) => {
    const explicit = v.from !== undefined || v.to !== undefined;
    if (v.days !== undefined && explicit)
      ctx.addIssue({ code: "custom", path: ["days"], message: "Give either days or from and to, not both" });
    if (v.days === undefined && !explicit)
      ctx.addIssue({
        code: "custom",
        path: ["days"],
        message: `Give days (${RANGE_PRESETS.join(", ")}) or from and to`,
      });
    if (v.days === undefined && explicit && (v.from === undefined || v.to === undefined)) {
      ctx.addIssue({ code: "custom", path: [v.from === undefined ? "from" : "to"], message: "Give both from and to" });
    }
  });
export type DashboardRangeInput = z.infer<typeof ZDashboardRangeSchema>;

export const ZDashboardInputSchema = z.object({ range: ZDashboardRangeSchema.default({ days: DEFAULT_RANGE_DAYS }) });
export type DashboardInput = z.infer<typeof ZDashboardInputSchema>;

/** A KPI's id is checked by the service, so an unknown id gets a message listing the known ones. */
export const ZDashboardKpiInputSchema = ZPaginationSchema.extend({
  id: z.string().trim().min(1, "Name the KPI to open").max(64, "KPI ids are at most 64 characters"),
  range: ZDashboardRangeSchema.default({ days: DEFAULT_RANGE_DAYS }),
});
export type DashboardKpiInput = z.infer<typeof ZDashboardKpiInputSchema>;
