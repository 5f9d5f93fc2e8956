import "server-only";
import type { WorkspaceSettingsInput } from "@/lib/schemas/workspace-settings";
import type { DbOrTx } from "./client";

/** A workspace's own settings, stored on its Tenant row (docs/security.md#workspace-settings). */
const settingsSelect = {
  timezone: true,
  requireTwoFactor: true,
  staffIdleHours: true,
  customerIdleHours: true,
  refundsByOnePerson: true,
  chatWebhookHosts: true,
} as const;

export type WorkspaceSettings = Required<WorkspaceSettingsInput>;

function shaped({ timezone, ...rest }: { timezone: string } & Omit<WorkspaceSettings, "timeZone">): WorkspaceSettings {
  return { timeZone: timezone, ...rest };
}

export async function readWorkspaceSettings(prisma: DbOrTx, tenantId: string): Promise<WorkspaceSettings> {
  return shaped(await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: settingsSelect }));
}

export async function writeWorkspaceSettings(
  prisma: DbOrTx,
  tenantId: string,
  { timeZone, ...data }: WorkspaceSettingsInput,
): Promise<WorkspaceSettings> {
  return shaped(
    await prisma.tenant.update({
      where: { id: tenantId },
      data: { ...data, timezone: timeZone },
      select: settingsSelect,
    }),
  );
}
