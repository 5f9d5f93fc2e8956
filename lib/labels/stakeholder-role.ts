import type { StakeholderRole } from "@/generated/prisma/enums";

/** What a customer stakeholder's role is called everywhere (portal, invites, kickoff, certificates). */
export const STAKEHOLDER_ROLE_LABEL: Record<StakeholderRole, string> = {
  EXECUTIVE_SPONSOR: "Executive sponsor",
  TECHNICAL_LEAD: "Technical lead",
  PRODUCT_OWNER: "Product owner",
  MEMBER: "Member",
};

/** The label for a stored role; null (a staff user) reads as nothing. */
export function stakeholderRoleLabel(role: string | null | undefined): string | null {
  return role && role in STAKEHOLDER_ROLE_LABEL ? STAKEHOLDER_ROLE_LABEL[role as StakeholderRole] : null;
}
