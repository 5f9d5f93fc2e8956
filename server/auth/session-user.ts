import "server-only";
import type { Role, StakeholderRole } from "@/generated/prisma/enums";

/** What every server-side check knows about the caller, loaded from the database per request. */
export type SessionUser = {
  id: string;
  sessionId: string;
  tenantId: string;
  tenantName: string;
  tenantSlug: string;
  role: Role;
  name: string;
  email: string;
  customerAccountId: string | null;
  stakeholderRole: StakeholderRole | null;
  isApprover: boolean;
  /** staff of a workspace that requires two-factor sign-in who have not set it up (server/auth/two-factor-gate.ts) */
  mustEnrolTwoFactor?: boolean;
};
