import { ROLE_HOME, PERMISSIONS, can, type Permission } from "@/domain/access/permissions";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const sessionRouter = createTRPCRouter({
  me: permissionProcedure("session:read").query(({ ctx }) => {
    const { sessionId: _sessionId, ...user } = ctx.user;
    const permissions = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(ctx.user.role, p));
    return { user, permissions, home: ROLE_HOME[ctx.user.role] };
  }),
});
