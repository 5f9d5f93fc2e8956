import "server-only";
import type { Db } from "@/server/db/client";
import { recordAudit } from "@/server/db/audit";
import {
  claimTimeStep,
  clearTotp,
  countUnusedRecoveryCodes,
  enableTotp,
  findTenantTwoFactorRule,
  findTwoFactorUser,
  setPendingTotpSecret,
  spendRecoveryCode,
} from "@/server/db/two-factor";
import { blockedFor, hit, reset, tryAgainIn } from "@/server/auth/rate-limit";
import {
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeHash,
  totpQrDataUrl,
  totpUri,
  verifyTotp,
} from "@/server/auth/totp";
import { AppError, notFound } from "@/server/errors";
import type { ServiceContext } from "./context";

/** Two-factor sign-in for staff (docs/security.md#two-factor-sign-in). */

type Caller = { db: Db; tenantId: string; userId: string; ip: string; requestId: string | null; now: Date };

export type SecondFactorCheck =
  | { ok: true; method: "app" | "recovery-code" }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

async function audit(caller: Caller, action: string, after: Record<string, string | number | boolean | null>) {
  await caller.db.$transaction((tx) =>
    recordAudit(tx, {
      tenantId: caller.tenantId,
      actorId: caller.userId,
      action,
      entityType: "User",
      entityId: caller.userId,
      after,
      ip: caller.ip,
      requestId: caller.requestId,
      at: caller.now,
    }),
  );
}

/**
 * Checks a code from the app (±1 time step, never one already used) or an unused recovery code, counting
 * failures per user in PostgreSQL (limit `twoFactor`). A failure and a recovery code's use leave an audit row.
 */
export async function checkSecondFactor(caller: Caller, code: string): Promise<SecondFactorCheck> {
  const wait = await blockedFor("twoFactor", caller.userId);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };
  const user = await findTwoFactorUser(caller.db, caller.tenantId, caller.userId);
  if (!user?.totpSecret) return { ok: false, reason: "invalid" };
  const digits = code.replace(/\s+/g, "");
  let method: "app" | "recovery-code" | null = null;
  if (/^\d{6}$/.test(digits)) {
    const step = await verifyTotp(user.totpSecret, digits, caller.now, user.totpLastTimeStep);
    if (step !== null && (await claimTimeStep(caller.db, caller.tenantId, user.id, step))) method = "app";
  } else if (looksLikeRecoveryCode(code)) {
    const used = await spendRecoveryCode(caller.db, caller.tenantId, user.id, recoveryCodeHash(code), caller.now);
    if (used) method = "recovery-code";
  }
  if (method === null) {
    const after = await hit("twoFactor", caller.userId);
    await audit(caller, "user.two_factor_failed", { throttled: after > 0 });
    return after > 0 ? { ok: false, reason: "throttled", retryAfterSeconds: after } : { ok: false, reason: "invalid" };
  }
  await reset("twoFactor", caller.userId);
  if (method === "recovery-code")
    await audit(caller, "user.two_factor_recovery_code_used", {
      recoveryCodesLeft: await countUnusedRecoveryCodes(caller.db, caller.tenantId, user.id),
    });
  return { ok: true, method };
}

function callerOf(ctx: ServiceContext): Caller {
  return {
    db: ctx.db,
    tenantId: ctx.tenantId,
    userId: ctx.actorId,
    ip: ctx.ip,
    requestId: ctx.requestId,
    now: ctx.now,
  };
}

function refuse(check: SecondFactorCheck): never {
  if (!check.ok && check.reason === "throttled")
    throw new AppError("TOO_MANY_REQUESTS", `Too many wrong codes. ${tryAgainIn(check.retryAfterSeconds)}`, {
      retryAfterSeconds: check.retryAfterSeconds,
    });
  const message = "That code is not valid. Enter the current code from your authenticator app.";
  throw new AppError("BAD_REQUEST", message, { fieldErrors: { code: message } });
}

/** The caller's own state, for the settings page. */
export async function myTwoFactor(ctx: ServiceContext) {
  const user = await findTwoFactorUser(ctx.db, ctx.tenantId, ctx.actorId);
  if (!user) throw notFound("User");
  const { requireTwoFactor } = await findTenantTwoFactorRule(ctx.db, ctx.tenantId);
  return {
    enabled: user.totpEnabledAt !== null,
    enabledAt: user.totpEnabledAt,
    recoveryCodesLeft: user.totpEnabledAt ? await countUnusedRecoveryCodes(ctx.db, ctx.tenantId, user.id) : 0,
    requiredByWorkspace: requireTwoFactor,
  };
}

/** A new secret to scan; it becomes the sign-in secret only once a code from it is confirmed. */
export async function startTwoFactorEnrolment(ctx: ServiceContext, issuer: string) {
  const user = await findTwoFactorUser(ctx.db, ctx.tenantId, ctx.actorId);
  if (!user) throw notFound("User");
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is already on. Turn it off first.");
  const secret = newTotpSecret();
  await setPendingTotpSecret(ctx.db, ctx.tenantId, user.id, secret);
  const uri = totpUri(secret, user.email, issuer);
  return { secret, uri, qrDataUrl: await totpQrDataUrl(uri) };
}

/** A code from the new secret turns two-factor sign-in on; the recovery codes are shown this once. */
export async function confirmTwoFactorEnrolment(ctx: ServiceContext, input: { code: string }) {
  const wait = await blockedFor("twoFactor", ctx.actorId);
  if (wait > 0) refuse({ ok: false, reason: "throttled", retryAfterSeconds: wait });
  const user = await findTwoFactorUser(ctx.db, ctx.tenantId, ctx.actorId);
  if (!user) throw notFound("User");
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is already on.");
  if (!user.totpPendingSecret)
    throw new AppError("BAD_REQUEST", "Start the set-up again: there is no code to confirm.");
  const secret = user.totpPendingSecret;
  const step = await verifyTotp(secret, input.code, ctx.now, null);
  if (step === null) {
    const after = await hit("twoFactor", ctx.actorId);
    await audit(callerOf(ctx), "user.two_factor_failed", { during: "enrolment", throttled: after > 0 });
    refuse(after > 0 ? { ok: false, reason: "throttled", retryAfterSeconds: after } : { ok: false, reason: "invalid" });
  }
  const recoveryCodes = newRecoveryCodes();
  await ctx.db.$transaction(async (tx) => {
    const enabled = await enableTotp(tx, ctx.tenantId, user.id, {
      secret,
      timeStep: step,
      codeHashes: recoveryCodes.map(recoveryCodeHash),
      now: ctx.now,
    });
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "user.two_factor_enabled",
      entityType: "User",
      entityId: user.id,
      after: { enabledAt: enabled.totpEnabledAt?.toISOString() ?? null, recoveryCodes: recoveryCodes.length },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
  await reset("twoFactor", ctx.actorId);
  return { recoveryCodes };
}

/** Turning it off takes a current code or a recovery code, so a session left open cannot do it alone. */
export async function disableTwoFactor(ctx: ServiceContext, input: { code: string }) {
  const user = await findTwoFactorUser(ctx.db, ctx.tenantId, ctx.actorId);
  if (!user) throw notFound("User");
  if (!user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is already off.");
  const check = await checkSecondFactor(callerOf(ctx), input.code);
  if (!check.ok) refuse(check);
  await ctx.db.$transaction(async (tx) => {
    await clearTotp(tx, ctx.tenantId, user.id);
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "user.two_factor_disabled",
      entityType: "User",
      entityId: user.id,
      before: { enabledAt: user.totpEnabledAt?.toISOString() ?? null },
      after: { with: check.method },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
  return { enabled: false };
}

/** An admin clears a person's two-factor sign-in (a lost phone); they set it up again at their next sign-in if required. */
export async function resetTwoFactor(ctx: ServiceContext, input: { userId: string }) {
  const user = await findTwoFactorUser(ctx.db, ctx.tenantId, input.userId);
  if (!user) throw notFound("User");
  if (!user.totpEnabledAt && !user.totpPendingSecret)
    throw new AppError("CONFLICT", "This person does not use two-factor sign-in.");
  await ctx.db.$transaction(async (tx) => {
    await clearTotp(tx, ctx.tenantId, user.id);
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "user.two_factor_reset",
      entityType: "User",
      entityId: user.id,
      before: { enabledAt: user.totpEnabledAt?.toISOString() ?? null },
      after: { enabledAt: null },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
  await reset("twoFactor", user.id);
  return { userId: user.id };
}
