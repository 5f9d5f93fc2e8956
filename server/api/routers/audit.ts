import { verifyTenantAuditChain } from "@/server/services/audit";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** The tenant's audit trail: verification of its hash chain (issue 10 item 6). Admin only. */
export const auditRouter = createTRPCRouter({
  verify: permissionProcedure("audit:verify").query(({ ctx }) => verifyTenantAuditChain(serviceContext(ctx))),
});
