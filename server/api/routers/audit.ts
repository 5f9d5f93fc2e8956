import { verifyTenantChains } from "@/server/services/audit";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** The tenant's tamper-evident chains — the audit trail and every project's sign-offs — verified. Admin only. */
export const auditRouter = createTRPCRouter({
  verify: permissionProcedure("audit:verify").query(({ ctx }) => verifyTenantChains(serviceContext(ctx))),
});
