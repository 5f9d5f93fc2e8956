import type { StakeholderRole } from "@/generated/prisma/enums";
import type { Background } from "./plan";

/**
 * A stakeholder's background for their education plan: the customer's technical lead gets the technical
 * track; sponsors and product owners the business one. Members (and people without a role) take the
 * plan's default, which the CSM chooses when creating the plan.
 */
export function backgroundOf(role: StakeholderRole | null | undefined): Background | undefined {
  if (role === "TECHNICAL_LEAD") return "technical";
  if (role === "EXECUTIVE_SPONSOR" || role === "PRODUCT_OWNER") return "business";
  return undefined;
}
