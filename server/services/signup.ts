import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import type { Db } from "@/server/db/client";
import type { SignupMode } from "@/lib/env";
import { escapeHtml } from "@/lib/html";
import { ZSignupCodeSchema, emailDomain, type SignupInput } from "@/lib/schemas/signup";
import { enforce } from "@/server/auth/rate-limit";
import { assertStrongPassword, hashPassword } from "@/server/auth/password";
import { recordAudit } from "@/server/db/audit";
import {
  codeHeldByOther,
  consumeSignup,
  consumeSignupCode,
  deleteExpiredSignups,
  insertSignup,
  insertSignupCode,
  pendingSignupByDigest,
  pendingSignupWithSlug,
  replaceSignup,
  signupByEmail,
  usableSignupCode,
} from "@/server/db/signups";
import { emailTaken } from "@/server/db/users";
import { tenantSlugExists } from "@/server/db/workspaces";
import { AppError } from "@/server/errors";
import { deliverEmailNow, enqueueEmail } from "@/server/messaging/outbox";
import type { PublicContext } from "./intake";
import { tokenDigest } from "./token-digest";
import {
  emailInUseError,
  inWorkspaceTransaction,
  provisionWorkspace,
  slugAvailability,
  slugTakenError,
} from "./workspaces";

/**
 * Self-serve workspace sign-up (docs/signup.md). Submitting the form stores a pending sign-up and
 * emails a one-time verification link; nothing of the workspace exists until the founder opens it and
 * chooses a password, which creates the workspace through provisionWorkspace. Decisions:
 * - The link's token is 32 random bytes; only its SHA-256 digest is stored. It expires SIGNUP_TTL_HOURS
 *   after the (latest) submission; an expired sign-up frees its slug and email.
 * - One pending sign-up per email: submitting again while one is pending updates that same row with
 *   the new details and sends a new link (the previous link stops working).
 * - An email that already has an Onward user gets the same answer as anyone ("check your inbox") and a
 *   mail telling them to sign in instead: the form never says whether an address has an account.
 * - SIGNUP=invite needs an operator's single-use code (stored hashed), held by the pending sign-up
 *   that entered it and consumed when the workspace is created; SIGNUP=closed refuses every step.
 */
export const SIGNUP_TTL_HOURS = 24;
const HOUR_MS = 3_600_000;

export const SIGNUP_CLOSED_MESSAGE =
  "Sign-up is closed on this Onward server. Ask its administrator to create a workspace for you.";

export function assertSignupAllowed(mode: SignupMode): void {
  if (mode === "closed") throw new AppError("FORBIDDEN", SIGNUP_CLOSED_MESSAGE);
}

export async function checkSlug(ctx: PublicContext, slug: string, mode: SignupMode) {
  assertSignupAllowed(mode);
  return { availability: await slugAvailability(ctx.db, slug, ctx.now) };
}

const invalidCode = () =>
  new AppError(
    "BAD_REQUEST",
    "This sign-up code is not valid: it may have expired or been used already. Ask for a new one.",
    {
      fieldErrors: { code: "This code is not valid, expired or already used" },
    },
  );

/** In invite mode: the usable code the founder entered, or a field error. */
async function codeFor(ctx: PublicContext, raw: string | undefined, email: string): Promise<string> {
  if (!raw?.trim()) {
    throw new AppError("BAD_REQUEST", "Sign-up on this server is by invitation: enter the sign-up code you received.", {
      fieldErrors: { code: "Enter your sign-up code" },
    });
  }
  const parsed = ZSignupCodeSchema.safeParse(raw);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Enter the sign-up code exactly as you received it";
    throw new AppError("BAD_REQUEST", message, { fieldErrors: { code: message } });
  }
  const code = await usableSignupCode(ctx.db, tokenDigest(parsed.data), ctx.now);
  if (!code || (await codeHeldByOther(ctx.db, code.id, email, ctx.now))) throw invalidCode();
  return code.id;
}

export async function submitSignup(
  ctx: PublicContext,
  input: SignupInput,
  mode: SignupMode,
  appUrl: string,
): Promise<{ status: "check-inbox" }> {
  assertSignupAllowed(mode);
  // per network first, so a refused request does not also use up the domain's allowance
  await enforce("signupIp", ctx.ip, "sign-ups from your network");
  await enforce("signupDomain", emailDomain(input.email), "sign-ups for this email domain");
  if ((await slugAvailability(ctx.db, input.slug, ctx.now)) === "taken") {
    // the founder's own pending sign-up may keep its slug when they submit again
    const holder = await pendingSignupWithSlug(ctx.db, input.slug, ctx.now);
    if (!holder || holder.email !== input.email) throw slugTakenError();
  }
  const codeId = mode === "invite" ? await codeFor(ctx, input.code, input.email) : null;

  if (await emailTaken(ctx.db, input.email)) {
    const existingId = await ctx.db.$transaction(async (tx) => {
      await recordAudit(tx, {
        tenantId: null,
        actorId: null,
        action: "workspace_signup.existing_account",
        entityType: "WorkspaceSignup",
        after: { slug: input.slug, email: input.email },
        ip: ctx.ip,
        requestId: ctx.requestId,
        at: ctx.now,
      });
      return (await enqueueEmail(tx, existingAccountEmail(input, appUrl), ctx.now)).id;
    });
    await deliverEmailNow(ctx.db, existingId, ctx.now);
    return { status: "check-inbox" };
  }

  const token = randomBytes(32).toString("base64url");
  const row = {
    companyName: input.companyName,
    slug: input.slug,
    founderName: input.founderName,
    email: input.email,
    tokenDigest: tokenDigest(token),
    expiresAt: new Date(ctx.now.getTime() + SIGNUP_TTL_HOURS * HOUR_MS),
    ip: ctx.ip,
    codeId,
  };
  let messageId: string;
  try {
    messageId = await ctx.db.$transaction(async (tx) => {
      await deleteExpiredSignups(tx, { slug: input.slug, email: input.email }, ctx.now);
      if (await tenantSlugExists(tx, input.slug)) throw slugTakenError();
      const pending = await signupByEmail(tx, input.email);
      const saved = pending ? await replaceSignup(tx, pending.id, row) : await insertSignup(tx, row, ctx.now);
      await recordAudit(tx, {
        tenantId: null,
        actorId: null,
        action: pending ? "workspace_signup.resent" : "workspace_signup.requested",
        entityType: "WorkspaceSignup",
        entityId: saved.id,
        after: { slug: input.slug, companyName: input.companyName, email: input.email, withCode: codeId !== null },
        ip: ctx.ip,
        requestId: ctx.requestId,
        at: ctx.now,
      });
      const message = await enqueueEmail(tx, verificationEmail(input, appUrl, token, saved.id), ctx.now);
      return message.id;
    });
  } catch (error) {
    // another pending sign-up took the slug between the check and the insert (unique index)
    if ((error as { code?: unknown }).code === "P2002") throw slugTakenError();
    throw error;
  }
  await deliverEmailNow(ctx.db, messageId, ctx.now);
  return { status: "check-inbox" };
}

function verificationEmail(input: SignupInput, appUrl: string, token: string, signupId: string) {
  const link = `${appUrl}/signup/verify/${token}`;
  return {
    tenantId: null,
    to: input.email,
    subject: `Confirm your email to create ${input.companyName} on Onward`,
    text: [
      `Hi ${input.founderName},`,
      "",
      `Open this link to confirm your email and create the ${input.companyName} workspace (address: ${input.slug}):`,
      link,
      "",
      `The link works once, for ${SIGNUP_TTL_HOURS} hours. If you did not sign up, ignore this email: nothing is created without it.`,
    ].join("\n"),
    html:
      `<p>Hi ${escapeHtml(input.founderName)},</p>` +
      `<p>Open this link to confirm your email and create the <strong>${escapeHtml(input.companyName)}</strong> workspace:</p>` +
      `<p><a href="${escapeHtml(link)}">Confirm and create my workspace</a></p>` +
      `<p>The link works once, for ${SIGNUP_TTL_HOURS} hours. If you did not sign up, ignore this email: nothing is created without it.</p>`,
    // one message per link: a new submission (new token) is a new message
    idempotencyKey: `signup-verify/${signupId}/${tokenDigest(token).slice(0, 16)}`,
  };
}

function existingAccountEmail(input: SignupInput, appUrl: string) {
  const link = `${appUrl}/login`;
  return {
    tenantId: null,
    to: input.email,
    subject: "You already have an Onward account",
    text: [
      `Hi ${input.founderName},`,
      "",
      "Someone (probably you) tried to create a new Onward workspace with this email address, but it already belongs to an Onward account, so nothing was created.",
      `Sign in instead: ${link}`,
      "",
      "If you forgot your password, ask your workspace's admin to send you a new invitation. If this was not you, ignore this email.",
    ].join("\n"),
    html:
      `<p>Hi ${escapeHtml(input.founderName)},</p>` +
      "<p>Someone (probably you) tried to create a new Onward workspace with this email address, but it already belongs to an Onward account, so nothing was created.</p>" +
      `<p><a href="${escapeHtml(link)}">Sign in instead</a></p>` +
      "<p>If you forgot your password, ask your workspace's admin to send you a new invitation. If this was not you, ignore this email.</p>",
    idempotencyKey: `signup-existing/${randomBytes(12).toString("hex")}`,
  };
}

const invalidLink = () =>
  new AppError("BAD_REQUEST", "This confirmation link is invalid or has expired. Sign up again: it takes a minute.");

/** What the verification page shows, or null for an unknown, used or expired link. */
export async function signupForToken(db: Db, token: string, now: Date) {
  const row = await pendingSignupByDigest(db, tokenDigest(token), now);
  return row
    ? {
        companyName: row.companyName,
        slug: row.slug,
        founderName: row.founderName,
        email: row.email,
        expiresAt: row.expiresAt,
      }
    : null;
}

/**
 * Opens the link: consumes the sign-up (and its code) and creates the workspace with the founder as its
 * ADMIN (password set, email verified) — one transaction. Returns the email to sign in with.
 */
export async function completeSignup(
  ctx: PublicContext,
  token: string,
  password: string,
  mode: SignupMode,
): Promise<{ email: string; slug: string }> {
  assertSignupAllowed(mode);
  const digest = tokenDigest(token);
  const row = await pendingSignupByDigest(ctx.db, digest, ctx.now);
  if (!row) throw invalidLink();
  if (mode === "invite" && !row.codeId) {
    throw new AppError(
      "BAD_REQUEST",
      "Sign-up on this server now needs a sign-up code. Sign up again with the code you received.",
    );
  }
  if (await emailTaken(ctx.db, row.email)) throw emailInUseError();
  assertStrongPassword(password, [row.email, row.founderName, row.companyName, row.slug]);
  const passwordHash = await hashPassword(password);
  await inWorkspaceTransaction(ctx.db, { slug: row.slug, email: row.email }, async (tx) => {
    if ((await consumeSignup(tx, row.id, digest, ctx.now)).count !== 1) throw invalidLink();
    if (row.codeId && (await consumeSignupCode(tx, row.codeId, row.slug, ctx.now)).count !== 1) throw invalidCode();
    return provisionWorkspace(
      tx,
      {
        name: row.companyName,
        slug: row.slug,
        admin: { email: row.email, name: row.founderName, passwordHash, emailVerified: ctx.now },
      },
      { now: ctx.now, ip: ctx.ip, requestId: ctx.requestId, via: "signup" },
    );
  });
  return { email: row.email, slug: row.slug };
}

// ---------------------------------------------------------------- operator codes

const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_TTL_DAYS_DEFAULT = 14;

/** `npm run signup:code`: a single-use code (printed once, stored as its SHA-256), valid `days` days. */
export async function createSignupCode(db: Db, opts: { days: number; note: string | null; now: Date }) {
  if (!Number.isInteger(opts.days) || opts.days < 1 || opts.days > 365)
    throw new AppError("BAD_REQUEST", "--days must be a whole number from 1 to 365");
  const chars = Array.from({ length: 16 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
  const code = [0, 4, 8, 12].map((i) => chars.slice(i, i + 4)).join("-");
  const expiresAt = new Date(opts.now.getTime() + opts.days * 24 * HOUR_MS);
  await db.$transaction(async (tx) => {
    const created = await insertSignupCode(
      tx,
      { codeDigest: tokenDigest(chars), expiresAt, note: opts.note },
      opts.now,
    );
    await recordAudit(tx, {
      tenantId: null,
      actorId: null,
      action: "signup_code.created",
      entityType: "SignupCode",
      entityId: created.id,
      after: { expiresAt: expiresAt.toISOString(), note: opts.note },
      at: opts.now,
    });
  });
  return { code, expiresAt };
}
