import { z } from "zod";
import { ZIdSchema } from "./common";
import { MAX_SIGN_OFF_COMMENT } from "./limits";

export const SIGN_OFF_DECISIONS = ["APPROVED", "CHANGES_REQUESTED"] as const;

export const ZSignOffCommentSchema = z
  .string({ message: "The comment must be text" })
  .trim()
  .max(MAX_SIGN_OFF_COMMENT, `Comments are at most ${MAX_SIGN_OFF_COMMENT} characters`);

/** A customer approver's decision on one sign-off criterion; requesting changes needs a comment saying which. */
export const ZSignOffSchema = z
  .object({
    criterionId: ZIdSchema,
    decision: z.enum(SIGN_OFF_DECISIONS, { message: "Choose approve or request changes" }),
    comment: ZSignOffCommentSchema.optional(),
    /** the content hash the approver reviewed: a decision on content that has changed since is refused */
    contentHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, "Review the criterion again before you decide")
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "CHANGES_REQUESTED" && !v.comment) {
      ctx.addIssue({
        code: "custom",
        path: ["comment"],
        message: "Say what needs to change so the team can act on it",
      });
    }
  });

export const ZSignOffReviewSchema = z.object({ criterionId: ZIdSchema });
export const ZProjectSignOffsSchema = z.object({ projectId: ZIdSchema });
export const ZMilestoneCertificateSchema = z.object({ milestoneId: ZIdSchema });

export type SignOffInput = z.infer<typeof ZSignOffSchema>;
