import { ZSsoSettingsSchema } from "@/lib/schemas/sso";
import { serviceContext } from "@/server/services/context";
import { removeSsoSettings, ssoForEditing, updateSsoSettings } from "@/server/services/sso";
import { deliveryConfig } from "@/server/messaging/config";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** The workspace's single sign-on settings (docs/security.md#single-sign-on): admin only. */
const manage = permissionProcedure("sso:manage");

export const ssoRouter = createTRPCRouter({
  get: manage.query(({ ctx }) => ssoForEditing(serviceContext(ctx))),
  update: manage
    .input(ZSsoSettingsSchema)
    .mutation(({ ctx, input }) => updateSsoSettings(serviceContext(ctx), input, deliveryConfig())),
  remove: manage.mutation(({ ctx }) => removeSsoSettings(serviceContext(ctx))),
});
