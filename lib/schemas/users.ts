import { z } from "zod";
import { ZEmailSchema, ZIdSchema, ZPaginationSchema, ZPersonNameSchema } from "./common";

export const ROLES = ["ADMIN", "EXECUTIVE", "CSM", "TECH_LEAD", "CUSTOMER"] as const;
export const STAKEHOLDER_ROLES = ["EXECUTIVE_SPONSOR", "TECHNICAL_LEAD", "PRODUCT_OWNER", "MEMBER"] as const;

export const ZListUsersSchema = ZPaginationSchema.extend({
  search: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
});

export const ZInviteUserSchema = z
  .object({
    email: ZEmailSchema,
    name: ZPersonNameSchema,
    role: z.enum(ROLES, { message: "Choose a role" }),
    customerAccountId: ZIdSchema.optional(),
    stakeholderRole: z.enum(STAKEHOLDER_ROLES).optional(),
    isApprover: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    if (value.role === "CUSTOMER") {
      if (!value.customerAccountId) {
        ctx.addIssue({
          code: "custom",
          path: ["customerAccountId"],
          message: "Choose the customer account this person belongs to",
        });
      }
      if (!value.stakeholderRole) {
        ctx.addIssue({ code: "custom", path: ["stakeholderRole"], message: "Choose their stakeholder role" });
      }
    } else if (value.customerAccountId || value.stakeholderRole || value.isApprover) {
      ctx.addIssue({
        code: "custom",
        path: ["role"],
        message: "Only customer users have an account, stakeholder role or approval rights",
      });
    }
  });

export const ZSetUserDisabledSchema = z.object({ userId: ZIdSchema, disabled: z.boolean() });

export type InviteUserInput = z.infer<typeof ZInviteUserSchema>;
