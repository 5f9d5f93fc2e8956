import { ZConfirmTwoFactorSchema, ZDisableTwoFactorSchema, ZResetTwoFactorSchema } from "@/lib/schemas/two-factor";
import { serviceContext } from "@/server/services/context";
import {
  confirmTwoFactorEnrolment,
  disableTwoFactor,
  myTwoFactor,
  resetTwoFactor,
  startTwoFactorEnrolment,
} from "@/server/services/two-factor";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** Two-factor sign-in (docs/security.md#two-factor-sign-in): one's own and an admin's reset; the rule is a workspace setting. */
export const twoFactorRouter = createTRPCRouter({
  mine: permissionProcedure("twofactor:manage").query(({ ctx }) => myTwoFactor(serviceContext(ctx))),
  start: permissionProcedure("twofactor:manage").mutation(({ ctx }) =>
    startTwoFactorEnrolment(serviceContext(ctx), "Onward"),
  ),
  confirm: permissionProcedure("twofactor:manage")
    .input(ZConfirmTwoFactorSchema)
    .mutation(({ ctx, input }) => confirmTwoFactorEnrolment(serviceContext(ctx), input)),
  disable: permissionProcedure("twofactor:manage")
    .input(ZDisableTwoFactorSchema)
    .mutation(({ ctx, input }) => disableTwoFactor(serviceContext(ctx), input)),
  reset: permissionProcedure("users:manage")
    .input(ZResetTwoFactorSchema)
    .mutation(({ ctx, input }) => resetTwoFactor(serviceContext(ctx), input)),
});
