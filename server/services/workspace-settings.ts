import "server-only";
import type { WorkspaceSettingsInput } from "@/lib/schemas/workspace-settings";
import { recordAudit } from "@/server/db/audit";
import { readWorkspaceSettings, writeWorkspaceSettings } from "@/server/db/workspace-settings";
import type { ServiceContext } from "./context";

/**
 * Workspace-wide security settings (docs/security.md): read by staff who see configuration, changed by admins.
 * A change is audited with the fields it changed, before and after.
 */

export function workspaceSettings(ctx: ServiceContext) {
  return readWorkspaceSettings(ctx.db, ctx.tenantId);
}

export async function updateWorkspaceSettings(ctx: ServiceContext, input: WorkspaceSettingsInput) {
  return ctx.db.$transaction(async (tx) => {
    const before = await readWorkspaceSettings(tx, ctx.tenantId);
    const changed = (Object.keys(input) as (keyof WorkspaceSettingsInput)[]).filter(
      (k) => input[k] !== undefined && JSON.stringify(input[k]) !== JSON.stringify(before[k]),
    );
    if (changed.length === 0) return before;
    const after = await writeWorkspaceSettings(tx, ctx.tenantId, input);
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "workspace.settings_changed",
      entityType: "Tenant",
      entityId: ctx.tenantId,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return after;
  });
}
