import { ZInviteUserSchema, ZListUsersSchema, ZSetUserDisabledSchema } from "@/lib/schemas/users";
import { serverEnv } from "@/lib/env";
import { isDemoMode } from "@/lib/demo";
import { accountOptions, inviteUser, setUserDisabled, usersPage } from "@/server/services/users";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const usersRouter = createTRPCRouter({
  list: permissionProcedure("users:read")
    .input(ZListUsersSchema)
    .query(({ ctx, input }) => usersPage(serviceContext(ctx), input)),
  accountOptions: permissionProcedure("users:manage").query(({ ctx }) => accountOptions(serviceContext(ctx))),
  invite: permissionProcedure("users:manage")
    .input(ZInviteUserSchema)
    .mutation(({ ctx, input }) =>
      inviteUser(serviceContext(ctx), input, serverEnv().APP_URL, { revealLink: isDemoMode() }),
    ),
  setDisabled: permissionProcedure("users:manage")
    .input(ZSetUserDisabledSchema)
    .mutation(({ ctx, input }) => setUserDisabled(serviceContext(ctx), input.userId, input.disabled)),
});
