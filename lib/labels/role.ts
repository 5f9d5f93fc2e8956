import type { Role } from "@/generated/prisma/enums";

/** Words for a person's role, shown wherever a role is (the browser reads this map too). */
export const ROLE_LABEL: Record<Role, string> = {
  ADMIN: "Admin",
  EXECUTIVE: "Executive",
  CSM: "Customer success manager",
  TECH_LEAD: "Technical lead",
  CUSTOMER: "Customer",
};
