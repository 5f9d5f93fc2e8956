import { ZBrandingSettingsSchema, ZLogoUploadSchema } from "@/lib/schemas/branding";
import { serviceContext } from "@/server/services/context";
import {
  brandingForEditing,
  removeBrandingLogo,
  updateBrandingSettings,
  uploadBrandingLogo,
} from "@/server/services/branding";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** Portal branding and the email sender (docs/branding.md): admin only. */
const write = permissionProcedure("branding:write");

export const brandingRouter = createTRPCRouter({
  get: write.query(({ ctx }) => brandingForEditing(serviceContext(ctx))),
  update: write
    .input(ZBrandingSettingsSchema)
    .mutation(({ ctx, input }) => updateBrandingSettings(serviceContext(ctx), input)),
  uploadLogo: write
    .input(ZLogoUploadSchema)
    .mutation(({ ctx, input }) => uploadBrandingLogo(serviceContext(ctx), input)),
  removeLogo: write.mutation(({ ctx }) => removeBrandingLogo(serviceContext(ctx))),
});
