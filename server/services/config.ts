import "server-only";
import type { z } from "zod";
import {
  configVersion,
  ensureDefaultConfig,
  insertConfigVersion,
  latestConfig,
  listConfigVersions,
  type ConfigKind,
} from "@/server/db/config";
import { recordAudit } from "@/server/db/audit";
import { ZEducationConfigSchema } from "@/domain/education/plan";
import { ZFeasibilityConfigSchema } from "@/domain/feasibility/config";
import { ZQualificationConfigSchema } from "@/domain/qualification/config";
import { ZTierCatalogueSchema } from "@/domain/tiers/config";
import { ZKickoffConfigSchema } from "@/domain/kickoff/config";
import { ZMilestonesConfigSchema } from "@/domain/milestones/config";
import { ZQualityConfigSchema } from "@/domain/quality/config";
import { ZGuaranteeConfigSchema } from "@/domain/guarantee/config";
import { ZRetentionConfigSchema } from "@/domain/retention/config";
import { TENANT_CONFIG_DEFAULTS as D } from "@/domain/tenant-defaults";
import { AppError, describeZodError } from "@/server/errors";
import type { ServiceContext } from "./context";

/**
 * Tenant scoring configuration, versioned: reading a kind a tenant never changed writes version 1
 * from the seed's defaults; every edit writes version n+1 (validated by the engine's own schema)
 * with an audit entry. Stored results keep the version they used, so any score can be reproduced.
 */
const REGISTRY = {
  qualification: { defaults: D.qualification, schema: ZQualificationConfigSchema },
  feasibility: { defaults: D.feasibility, schema: ZFeasibilityConfigSchema },
  tiers: { defaults: D.tiers, schema: ZTierCatalogueSchema },
  education: { defaults: D.education, schema: ZEducationConfigSchema },
  milestones: { defaults: D.milestones, schema: ZMilestonesConfigSchema },
  quality: { defaults: D.quality, schema: ZQualityConfigSchema },
  kickoff: { defaults: D.kickoff, schema: ZKickoffConfigSchema },
  guarantee: { defaults: D.guarantee, schema: ZGuaranteeConfigSchema },
  retention: { defaults: D.retention, schema: ZRetentionConfigSchema },
} as const;

type Registry = typeof REGISTRY;
export type ConfigOf<K extends ConfigKind> = z.infer<Registry[K]["schema"]>;
export type VersionedConfig<K extends ConfigKind> = { version: number; data: ConfigOf<K> };

function parseStored<K extends ConfigKind>(kind: K, version: number, data: unknown): VersionedConfig<K> {
  const parsed = REGISTRY[kind].schema.safeParse(data);
  if (!parsed.success)
    throw new AppError(
      "INTERNAL",
      `Stored ${kind} configuration v${version} is invalid: ${describeZodError(parsed.error).message}`,
    );
  return { version, data: parsed.data as ConfigOf<K> };
}

export async function loadConfig<K extends ConfigKind>(ctx: ServiceContext, kind: K): Promise<VersionedConfig<K>> {
  const row =
    (await latestConfig(ctx.db, ctx.tenantId, kind)) ??
    (await ensureDefaultConfig(ctx.db, ctx.tenantId, kind, REGISTRY[kind].defaults, ctx.now));
  if (!row) throw new AppError("INTERNAL", `Could not load the ${kind} configuration`);
  return parseStored(kind, row.version, row.data);
}

export async function loadConfigAt<K extends ConfigKind>(
  ctx: ServiceContext,
  kind: K,
  version: number,
): Promise<VersionedConfig<K>> {
  const row = await configVersion(ctx.db, ctx.tenantId, kind, version);
  if (!row) throw new AppError("NOT_FOUND", `Configuration version ${version} not found`);
  return parseStored(kind, row.version, row.data);
}

export async function configForEditing<K extends ConfigKind>(ctx: ServiceContext, kind: K) {
  const current = await loadConfig(ctx, kind);
  const versions = await listConfigVersions(ctx.db, ctx.tenantId, kind, 20);
  return { ...current, defaults: REGISTRY[kind].defaults, versions };
}

/** Optimistic: the caller says which version it edited; a newer one in between is a conflict. */
export async function updateConfig<K extends ConfigKind>(
  ctx: ServiceContext,
  kind: K,
  data: unknown,
  expectedVersion: number,
) {
  const parsed = REGISTRY[kind].schema.safeParse(data);
  if (!parsed.success) {
    const { message, fieldErrors } = describeZodError(parsed.error);
    throw new AppError("BAD_REQUEST", `This ${kind} configuration would make scores meaningless: ${message}`, {
      fieldErrors,
    });
  }
  const current = await loadConfig(ctx, kind);
  if (current.version !== expectedVersion) {
    throw new AppError(
      "CONFLICT",
      `Someone saved version ${current.version} while you edited version ${expectedVersion}. Reload and apply your change again.`,
    );
  }
  return ctx.db.$transaction(async (tx) => {
    const row = await insertConfigVersion(tx, {
      tenantId: ctx.tenantId,
      kind,
      version: current.version + 1,
      data: parsed.data,
      createdById: ctx.actorId,
      at: ctx.now,
    });
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "config.updated",
      entityType: "TenantConfig",
      entityId: `${kind}@${row.version}`,
      before: current.data,
      after: parsed.data,
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return { version: row.version };
  });
}
