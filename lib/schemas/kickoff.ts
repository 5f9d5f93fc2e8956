import { z } from "zod";
import { ZEmailSchema, ZIdSchema, ZPersonNameSchema } from "./common";
import { STAKEHOLDER_ROLES } from "./users";

export const MAX_KICKOFF_STAKEHOLDERS = 20;

export const ZKickoffStakeholderSchema = z.object({
  name: ZPersonNameSchema,
  email: ZEmailSchema,
  stakeholderRole: z.enum(STAKEHOLDER_ROLES, { message: "Choose their stakeholder role" }),
  isApprover: z.boolean({ message: "Say whether they approve milestones (yes or no)" }).default(false),
});

/** Kick off a project from a lead with a chosen tier (docs/domain.md#kickoff). */
export const ZKickoffSchema = z.object({
  leadId: ZIdSchema,
  projectName: z
    .string()
    .trim()
    .min(3, "A project name has at least 3 characters")
    .max(120, "A project name is at most 120 characters")
    .optional(),
  /** YYYY-MM-DD (UTC); default today. The service keeps it within a week back and 90 days ahead. */
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-01")
    .optional(),
  techLeadId: ZIdSchema.optional(),
  hasUiRequirements: z.boolean({ message: "Say whether the project has UI requirements" }).default(true),
  /** default: whether the latest feasibility request listed compliance regimes */
  hasComplianceRequirements: z.boolean({ message: "Say whether the project has compliance requirements" }).optional(),
  stakeholders: z
    .array(ZKickoffStakeholderSchema)
    .max(MAX_KICKOFF_STAKEHOLDERS, `Invite at most ${MAX_KICKOFF_STAKEHOLDERS} stakeholders at kickoff; add more later`)
    .default([])
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((s, i) => {
        if (seen.has(s.email))
          ctx.addIssue({ code: "custom", path: [i, "email"], message: "This email is listed twice" });
        seen.add(s.email);
      });
    }),
});

export type KickoffInput = z.infer<typeof ZKickoffSchema>;
export type KickoffStakeholder = z.infer<typeof ZKickoffStakeholderSchema>;

/**
 * The kickoff form's stakeholder rows as typed: a row left blank (no name, no email) is not sent; every
 * other row is checked by ZKickoffSchema's stakeholder rules, and a problem is reported at the row the
 * person sees ("stakeholders.2.email" stays row 3 even with a blank row 2 above it).
 */
export const ZKickoffStakeholderRowsSchema = z
  .array(
    z.object({
      name: z.string(),
      email: z.string(),
      stakeholderRole: z.enum(STAKEHOLDER_ROLES, { message: "Choose their stakeholder role" }),
      isApprover: z.boolean(),
    }),
  )
  .transform((rows, ctx) => {
    const filled = rows.flatMap((row, index) => (row.name.trim() || row.email.trim() ? [{ row, index }] : []));
    const parsed = ZKickoffSchema.shape.stakeholders.safeParse(filled.map((f) => f.row));
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const [at, ...rest] = issue.path;
      const row = typeof at === "number" ? filled[at]?.index : undefined;
      ctx.addIssue({ code: "custom", message: issue.message, path: row === undefined ? [] : [row, ...rest] });
    }
    return z.NEVER;
  });
