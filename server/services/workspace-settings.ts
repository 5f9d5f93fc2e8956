import "server-only";
import type { WorkspaceSettingsInput } from "@/lib/schemas/workspace-settings";
import { recordAudit } from "@/server/db/audit";
import { readWorkspaceSettings, writeWorkspaceSettings } from "@/server/db/workspace-settings";
import { resendInvitesInNewZone } from "./calendar";
import type { ServiceContext } from "./context";

/**
 * The workspace's own settings (docs/security.md#workspace-settings): time zone, the two-factor rule, sign-out
 * after inactivity, the refund four-eyes relaxation and chat hosts. Read by staff who see configuration, changed
 * by admins in one form. A save that changes anything is one audit entry with the changed fields, before and
 * after; a new time zone also sends the projects' meeting invites again (docs/calendar.md#time-zone). The rule,
 * the timeouts and the hosts apply from the next request on.
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
    if (changed.length === 0) return { ...before, projectsUpdated: 0 };
    const after = await writeWorkspaceSettings(tx, ctx.tenantId, Object.fromEntries(changed.map((k) => [k, input[k]])));
    const projectsUpdated = changed.includes("timeZone") ? await resendInvitesInNewZone(tx, ctx.tenantId, ctx.now) : 0;
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
    return { ...after, projectsUpdated };
  });
}
