import { ZWorkspaceSettingsSchema } from "@/lib/schemas/workspace-settings";
import { serviceContext } from "@/server/services/context";
import { updateWorkspaceSettings, workspaceSettings } from "@/server/services/workspace-settings";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** Workspace-wide security settings (docs/security.md): staff who see configuration read them, admins change them. */
export const workspaceRouter = createTRPCRouter({
  settings: permissionProcedure("config:read").query(({ ctx }) => workspaceSettings(serviceContext(ctx))),
  updateSettings: permissionProcedure("config:write")
    .input(ZWorkspaceSettingsSchema)
    .mutation(({ ctx, input }) => updateWorkspaceSettings(serviceContext(ctx), input)),
});
