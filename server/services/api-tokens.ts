import "server-only";
import { randomBytes } from "node:crypto";
import type { CreateApiKeyInput } from "@/lib/schemas/api-keys";
import type { CreateApiTokenInput } from "@/lib/schemas/quality";
import {
  countActiveTokens,
  findApiToken,
  findProjectForTokens,
  findTokenByHash,
  insertApiToken,
  listApiTokens,
  markTokenRevoked,
} from "@/server/db/api-tokens";
import { recordAudit } from "@/server/db/audit";
import type { DbOrTx } from "@/server/db/client";
import { AppError, notFound } from "@/server/errors";
import type { ServiceContext } from "./context";

/**
 * Per-project API tokens for the CI evidence API. Format: `onw_<8 hex prefix>_<43 base64url chars>`
 * (32 random bytes). The plaintext is returned once, at creation; only its SHA-256 digest is stored —
 * the token is random enough that an unsalted fast hash cannot be brute-forced — plus the prefix, so
 * people can tell their tokens apart in the list.
 */
export const EVIDENCE_SCOPE = "evidence:write";
/** Ours: enough for one token per pipeline and environment, few enough to keep the list reviewable. */
export const MAX_ACTIVE_TOKENS_PER_PROJECT = 20;
const TOKEN_PATTERN = /^onw_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

import { tokenDigest } from "./token-digest";

function newToken() {
  const prefix = randomBytes(4).toString("hex");
  const token = `onw_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { token, prefix: `onw_${prefix}`, tokenHash: tokenDigest(token) };
}

async function requireProject(ctx: ServiceContext, projectId: string) {
  const project = await findProjectForTokens(ctx.db, ctx.tenantId, projectId);
  if (!project) throw notFound("Project");
  return project;
}

export async function createApiToken(ctx: ServiceContext, input: CreateApiTokenInput) {
  const project = await requireProject(ctx, input.projectId);
  const active = await countActiveTokens(ctx.db, ctx.tenantId, project.id);
  if (active >= MAX_ACTIVE_TOKENS_PER_PROJECT) {
    throw new AppError(
      "BAD_REQUEST",
      `${project.name} already has ${MAX_ACTIVE_TOKENS_PER_PROJECT} active API tokens, the most allowed. Revoke one you no longer use, then create the new one.`,
    );
  }
  const { token, prefix, tokenHash } = newToken();
  const row = await ctx.db.$transaction(async (tx) => {
    const created = await insertApiToken(tx, {
      tenantId: ctx.tenantId,
      projectId: project.id,
      name: input.name,
      prefix,
      tokenHash,
      scopes: [EVIDENCE_SCOPE],
      createdById: ctx.actorId,
      at: ctx.now,
    });
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "api_token.created",
      entityType: "ApiToken",
      entityId: created.id,
      after: { projectId: project.id, name: input.name, prefix, scopes: [EVIDENCE_SCOPE] },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return created;
  });
  return { ...row, projectId: project.id, token };
}

export async function projectApiTokens(ctx: ServiceContext, projectId: string) {
  const project = await requireProject(ctx, projectId);
  const rows = await listApiTokens(ctx.db, ctx.tenantId, project.id);
  return rows.map(({ createdBy, ...t }) => ({ ...t, createdByName: createdBy?.name ?? null }));
}

/** Revoking a revoked token changes nothing and is not an error. */
export async function revokeApiToken(ctx: ServiceContext, tokenId: string) {
  const token = await findApiToken(ctx.db, ctx.tenantId, tokenId);
  // a tenant API key is not a project token: it is revoked by an admin on the API keys page
  if (!token || token.projectId === null) throw notFound("API token");
  return revoke(ctx, token);
}

async function revoke(ctx: ServiceContext, token: NonNullable<Awaited<ReturnType<typeof findApiToken>>>) {
  if (token.revokedAt) return { tokenId: token.id, revokedAt: token.revokedAt, changed: false };
  const changed = await ctx.db.$transaction(async (tx) => {
    const count = await markTokenRevoked(tx, ctx.tenantId, token.id, ctx.now);
    if (count === 0) return false;
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: token.projectId === null ? "api_key.revoked" : "api_token.revoked",
      entityType: "ApiToken",
      entityId: token.id,
      before: { revokedAt: null },
      after: { projectId: token.projectId, name: token.name, prefix: token.prefix, revokedAt: ctx.now.toISOString() },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return true;
  });
  return { tokenId: token.id, revokedAt: ctx.now, changed };
}

export type EvidenceToken = { id: string; tenantId: string; projectId: string; createdById: string | null };

/**
 * The token behind an `Authorization: Bearer …` header, or null for a missing, malformed, unknown or
 * revoked token, or one without the evidence scope — the caller answers all of them alike.
 */
/** The live token row behind `Authorization: Bearer …`, or null for a missing, malformed, unknown or revoked one. */
async function bearerToken(db: DbOrTx, authorization: string | null) {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const token = match?.[1];
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  // looked up by digest: timing reveals nothing about the secret, since the attacker cannot steer the hash
  const row = await findTokenByHash(db, tokenDigest(token));
  return row && row.revokedAt === null ? row : null;
}

export async function authenticateEvidenceToken(
  db: DbOrTx,
  authorization: string | null,
): Promise<EvidenceToken | null> {
  const row = await bearerToken(db, authorization);
  if (!row || row.projectId === null || !row.scopes.includes(EVIDENCE_SCOPE)) return null;
  return { id: row.id, tenantId: row.tenantId, projectId: row.projectId, createdById: row.createdById };
}

// ---------------------------------------------------------------- tenant API keys (journey API, docs/domain.md#journey)

/** Tenant-wide keys for the integration REST API (docs/api.md#scopes): no project, the scopes chosen at creation. */
export const MAX_ACTIVE_TENANT_KEYS = 10;

export async function createTenantApiKey(ctx: ServiceContext, input: CreateApiKeyInput) {
  const { name, scopes } = input;
  const active = await countActiveTokens(ctx.db, ctx.tenantId, null);
  if (active >= MAX_ACTIVE_TENANT_KEYS) {
    throw new AppError(
      "BAD_REQUEST",
      `This workspace already has ${MAX_ACTIVE_TENANT_KEYS} active API keys, the most allowed. Revoke one you no longer use first.`,
    );
  }
  const { token, prefix, tokenHash } = newToken();
  const row = await ctx.db.$transaction(async (tx) => {
    const created = await insertApiToken(tx, {
      tenantId: ctx.tenantId,
      projectId: null,
      name,
      prefix,
      tokenHash,
      scopes,
      createdById: ctx.actorId,
      at: ctx.now,
    });
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "api_key.created",
      entityType: "ApiToken",
      entityId: created.id,
      after: { name, prefix, scopes },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return created;
  });
  return { ...row, token };
}

export async function tenantApiKeys(ctx: ServiceContext) {
  const rows = await listApiTokens(ctx.db, ctx.tenantId, null);
  return rows.map(({ createdBy, ...t }) => ({ ...t, createdByName: createdBy?.name ?? null }));
}

/** Revokes a tenant key; a project's CI token id reads as not found here. */
export async function revokeTenantApiKey(ctx: ServiceContext, tokenId: string) {
  const token = await findApiToken(ctx.db, ctx.tenantId, tokenId);
  if (!token || token.projectId !== null) throw notFound("API key");
  return revoke(ctx, token);
}

export type TenantKey = { id: string; tenantId: string; scopes: string[]; createdById: string | null };

/**
 * The tenant key behind a bearer header, or null (missing, malformed, unknown, revoked, a project token).
 * Its scopes are the caller's to check: a live key without the scope is a 403, not a 401.
 */
export async function authenticateTenantKey(db: DbOrTx, authorization: string | null): Promise<TenantKey | null> {
  const row = await bearerToken(db, authorization);
  if (!row || row.projectId !== null) return null;
  return { id: row.id, tenantId: row.tenantId, scopes: row.scopes, createdById: row.createdById };
}
