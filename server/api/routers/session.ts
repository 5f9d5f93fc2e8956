import { ROLE_HOME, PERMISSIONS, can, type Permission } from "@/domain/access/permissions";
import { ZSessionIdleSchema } from "@/lib/schemas/sessions";
import { serviceContext } from "@/server/services/context";
import { sessionIdle, updateSessionIdle } from "@/server/services/session-settings";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const sessionRouter = createTRPCRouter({
  me: permissionProcedure("session:read").query(({ ctx }) => {
    const { sessionId: _sessionId, ...user } = ctx.user;
    const permissions = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(ctx.user.role, p));
    return { user, permissions, home: ROLE_HOME[ctx.user.role] };
  }),
  /** the workspace's idle timeouts (docs/security.md#sessions) */
  idleTimeouts: permissionProcedure("config:read").query(({ ctx }) => sessionIdle(serviceContext(ctx))),
  updateIdleTimeouts: permissionProcedure("config:write")
    .input(ZSessionIdleSchema)
    .mutation(({ ctx, input }) => updateSessionIdle(serviceContext(ctx), input)),
});
