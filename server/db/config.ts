import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "./client";

import { CONFIG_KIND_VALUES } from "@/lib/schemas/config";

/** One list of configuration kinds: the router's input schema's. */
export const CONFIG_KINDS = CONFIG_KIND_VALUES;
export type ConfigKind = (typeof CONFIG_KINDS)[number];

const configSelect = {
  version: true,
  data: true,
  createdAt: true,
  createdBy: { select: { name: true } },
} satisfies Prisma.TenantConfigSelect;

export function latestConfig(prisma: DbOrTx, tenantId: string, kind: ConfigKind) {
  return prisma.tenantConfig.findFirst({
    where: { tenantId, kind },
    orderBy: { version: "desc" },
    select: configSelect,
  });
}

export function configVersion(prisma: DbOrTx, tenantId: string, kind: ConfigKind, version: number) {
  return prisma.tenantConfig.findUnique({
    where: { tenantId_kind_version: { tenantId, kind, version } },
    select: configSelect,
  });
}

export function listConfigVersions(prisma: DbOrTx, tenantId: string, kind: ConfigKind, take: number) {
  return prisma.tenantConfig.findMany({
    where: { tenantId, kind },
    orderBy: { version: "desc" },
    take,
    select: { version: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}

/** Insert a version; the unique (tenant, kind, version) makes a concurrent duplicate fail, not fork. */
export function insertConfigVersion(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    kind: ConfigKind;
    version: number;
    data: Prisma.InputJsonValue;
    createdById: string | null;
    at: Date;
  },
) {
  return prisma.tenantConfig.create({
    data: {
      tenantId: row.tenantId,
      kind: row.kind,
      version: row.version,
      data: row.data,
      createdById: row.createdById,
      createdAt: row.at,
    },
    select: configSelect,
  });
}

/** First use of a kind by a tenant: write version 1 from the defaults; a racing writer's row wins. */
export async function ensureDefaultConfig(
  prisma: DbOrTx,
  tenantId: string,
  kind: ConfigKind,
  data: Prisma.InputJsonValue,
  at: Date,
) {
  await prisma.tenantConfig.createMany({
    data: [{ tenantId, kind, version: 1, data, createdAt: at }],
    skipDuplicates: true,
  });
  return latestConfig(prisma, tenantId, kind);
}
