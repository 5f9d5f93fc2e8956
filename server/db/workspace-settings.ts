import "server-only";
import type { WorkspaceSettingsInput } from "@/lib/schemas/workspace-settings";
import type { DbOrTx } from "./client";

/** A workspace's own security settings, stored on its Tenant row (docs/security.md). */
const settingsSelect = { refundsByOnePerson: true, chatWebhookHosts: true } as const;

export async function readWorkspaceSettings(prisma: DbOrTx, tenantId: string) {
  return prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: settingsSelect });
}

export function writeWorkspaceSettings(prisma: DbOrTx, tenantId: string, data: WorkspaceSettingsInput) {
  return prisma.tenant.update({ where: { id: tenantId }, data, select: settingsSelect });
}
