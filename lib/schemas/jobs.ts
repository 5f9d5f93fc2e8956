import { z } from "zod";

/** The scheduled jobs (docs/architecture.md#jobs); each has a cron route app/api/cron/<name>. */
export const JOB_NAMES = [
  "progress-digests",
  "milestone-check",
  "survey-triggers",
  "education-deliveries",
  "outbox",
  "guarantees",
  "account-scores",
] as const;
export type JobName = (typeof JOB_NAMES)[number];

export const ZJobNameSchema = z.enum(JOB_NAMES, { error: (issue) => `Unknown job "${String(issue.input)}"` });
export const ZRunJobSchema = z.object({ job: ZJobNameSchema });
export const ZListJobRunsSchema = z.object({
  job: ZJobNameSchema.optional(),
  take: z.number().int().min(1).max(100).default(30),
});
