import "server-only";
import { randomBytes } from "node:crypto";
import type { Db, DbOrTx } from "@/server/db/client";
import {
  createUser,
  emailTaken,
  findCustomerAccount,
  findTenantName,
  findTenantUser,
  findUserByEmail,
  listCustomerAccountOptions,
  listUsers,
  setPassword,
  setUserDisabledAt,
  type UserListRow,
} from "@/server/db/users";
import { consumeOneTimeToken, createOneTimeToken, findOneTimeToken } from "@/server/db/tokens";
import { revokeUserSessions } from "@/server/db/sessions";
import { assertStrongPassword, hashPassword } from "@/server/auth/password";
import { ROLE_LABEL } from "@/lib/labels/role";
import { enqueueEmail, deliverEmailNow } from "@/server/messaging/outbox";
import { escapeHtml } from "@/lib/html";
import { AppError, notFound } from "@/server/errors";
import type { InviteUserInput } from "@/lib/schemas/users";
import type { Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/server/db/audit";
import type { ServiceContext } from "./context";

const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const INVITE_TTL_DAYS = INVITE_TTL_MS / 86_400_000;

import { syncInvitesOfPerson } from "./calendar";
import { tokenDigest } from "./token-digest";

/**
 * A staff member's one-time set-password link token (`/invite/<token>`, redeemed by acceptInvite), valid
 * INVITE_TTL_DAYS; only its digest is stored. Also used by the operator CLI for a new workspace's admin.
 */
export async function issueInviteToken(tx: DbOrTx, email: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await createOneTimeToken(tx, `invite:${email}`, tokenDigest(token), new Date(now.getTime() + INVITE_TTL_MS));
  return token;
}

export function usersPage(ctx: ServiceContext, opts: { search?: string; role?: Role; page: number; pageSize: number }) {
  return listUsers(ctx.db, ctx.tenantId, opts);
}

export function accountOptions(ctx: ServiceContext) {
  return listCustomerAccountOptions(ctx.db, ctx.tenantId);
}

/**
 * Creates the user and emails them: staff get a one-time link to choose a password, customers a
 * note to sign in with a magic link. The user row, the invite token and the audit entry are one
 * transaction; the email goes through the outbox. `revealLink` (demo mode only) also returns a staff
 * invitation's link to the admin who sent it, since the demo's mail viewer never shows invitations
 * (docs/security.md#demo-mode).
 */
export async function inviteUser(
  ctx: ServiceContext,
  input: InviteUserInput,
  appUrl: string,
  opts: { revealLink?: boolean } = {},
) {
  if (input.role === "CUSTOMER" && input.customerAccountId) {
    const account = await findCustomerAccount(ctx.db, ctx.tenantId, input.customerAccountId);
    if (!account) throw notFound("Customer account");
  }
  const existing = await emailTaken(ctx.db, input.email);
  if (existing?.tenantId === ctx.tenantId) {
    throw new AppError("CONFLICT", "Someone with this email is already a user of this workspace.", {
      fieldErrors: { email: "This email is already in use" },
    });
  }
  if (existing) return inviteExistingAccount(ctx, input);
  const { user, messageId, token } = await ctx.db.$transaction(async (tx) => {
    const created = await createUser(tx, ctx.tenantId, {
      email: input.email,
      name: input.name,
      role: input.role,
      customerAccountId: input.role === "CUSTOMER" ? (input.customerAccountId ?? null) : null,
      stakeholderRole: input.role === "CUSTOMER" ? (input.stakeholderRole ?? null) : null,
      isApprover: input.role === "CUSTOMER" ? input.isApprover : false,
      invitedById: ctx.actorId,
    });
    // a customer joins their account's project reviews (docs/calendar.md#invites)
    await syncInvitesOfPerson(tx, ctx.tenantId, created.id, ctx.now);
    const token = input.role === "CUSTOMER" ? "" : await issueInviteToken(tx, input.email, ctx.now);
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "user.invited",
      entityType: "User",
      entityId: created.id,
      after: { email: created.email, role: created.role, customerAccountId: input.customerAccountId ?? null },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    const message = await enqueueEmail(tx, inviteEmail(ctx.tenantId, created.id, input, appUrl, token), ctx.now);
    return { user: created, messageId: message.id, token };
  });
  await deliverEmailNow(ctx.db, messageId, ctx.now);
  const inviteUrl = opts.revealLink && input.role !== "CUSTOMER" ? `${appUrl}/invite/${token}` : null;
  return { ...user, inviteUrl };
}

/**
 * The address already has an account in another workspace (docs/security.md#invitations): the admin gets the
 * answer any invitation gets, and nothing about the other workspace. No user is created (an address has one
 * account); the person is told by email that this workspace tried to invite them, and the attempt is
 * recorded in the platform's audit chain with the address hashed.
 */
async function inviteExistingAccount(ctx: ServiceContext, input: InviteUserInput) {
  const messageId = await ctx.db.$transaction((tx) => tellExistingAccount(ctx, tx, input));
  await deliverEmailNow(ctx.db, messageId, ctx.now);
  const account =
    input.role === "CUSTOMER" && input.customerAccountId
      ? await findCustomerAccount(ctx.db, ctx.tenantId, input.customerAccountId)
      : null;
  // the same shape as a created user's row; the id is a fresh one that names nothing
  return {
    id: `c${randomBytes(12).toString("hex").slice(0, 24)}`,
    email: input.email,
    name: input.name,
    role: input.role,
    stakeholderRole: input.role === "CUSTOMER" ? (input.stakeholderRole ?? null) : null,
    isApprover: input.role === "CUSTOMER" ? input.isApprover : false,
    disabledAt: null,
    lastLoginAt: null,
    totpEnabledAt: null,
    createdAt: ctx.now,
    customerAccount: account,
    inviteUrl: null,
  } satisfies Record<keyof UserListRow | "inviteUrl", unknown>;
}

/**
 * The half of an invitation to an address that already has an account (docs/security.md#invitations) that the
 * inviting workspace never sees: the attempt goes to the platform's audit chain with the address hashed, and the
 * person gets an email (no link) saying this workspace tried to invite them. Returns the outbox message's id.
 * Also used by the project kickoff for its stakeholders.
 */
export async function tellExistingAccount(
  ctx: ServiceContext,
  tx: DbOrTx,
  input: { email: string; role: Role },
): Promise<string> {
  const tenant = await findTenantName(tx, ctx.tenantId);
  const workspace = tenant?.name ?? "a workspace";
  await recordAudit(tx, {
    tenantId: null,
    actorId: ctx.actorId,
    action: "user.invite_to_existing_account",
    entityType: "User",
    after: { invitingTenantId: ctx.tenantId, emailSha256: tokenDigest(input.email), role: input.role },
    ip: ctx.ip,
    requestId: ctx.requestId,
    at: ctx.now,
  });
  const text = [
    `Hi,`,
    "",
    `Someone at ${workspace} tried to invite this address to their workspace on Onward as ${ROLE_LABEL[input.role]}.`,
    "This address already has an Onward account, so nothing changed and you do not need to do anything.",
    `If you expected this invitation, ask them to invite another address of yours.`,
  ].join("\n");
  const message = await enqueueEmail(
    tx,
    {
      tenantId: null,
      to: input.email,
      subject: "Someone tried to invite you to Onward",
      text,
      html: text
        .split("\n\n")
        .map((p) => `<p>${escapeHtml(p).replaceAll("\n", "<br>")}</p>`)
        .join(""),
      idempotencyKey: `invite-existing/${randomBytes(16).toString("hex")}`,
    },
    ctx.now,
  );
  return message.id;
}

export function inviteEmail(tenantId: string, userId: string, input: InviteUserInput, appUrl: string, token: string) {
  const link =
    input.role === "CUSTOMER"
      ? `${appUrl}/login?email=${encodeURIComponent(input.email)}`
      : `${appUrl}/invite/${token}`;
  const action =
    input.role === "CUSTOMER"
      ? "sign in with a one-time link sent to this address"
      : "choose your password (the link works for 7 days)";
  return {
    tenantId,
    to: input.email,
    subject: "You have been invited to Onward",
    text: `Hi ${input.name},\n\nYou have been invited to Onward as ${ROLE_LABEL[input.role]}. Open this link to ${action}:\n${link}\n`,
    html: `<p>Hi ${escapeHtml(input.name)},</p><p>You have been invited to Onward as ${ROLE_LABEL[input.role]}. <a href="${escapeHtml(link)}">Open this link</a> to ${action}.</p>`,
    idempotencyKey: `invite/${userId}`,
  };
}

export async function setUserDisabled(ctx: ServiceContext, userId: string, disabled: boolean) {
  if (userId === ctx.actorId) throw new AppError("BAD_REQUEST", "You cannot disable your own account.");
  const target = await findTenantUser(ctx.db, ctx.tenantId, userId);
  if (!target) throw notFound("User");
  return ctx.db.$transaction(async (tx) => {
    const updated = await setUserDisabledAt(
      tx,
      ctx.tenantId,
      target.id,
      disabled ? (target.disabledAt ?? ctx.now) : null,
    );
    if (disabled) await revokeUserSessions(tx, ctx.tenantId, target.id, ctx.now);
    // a disabled person's invites are cancelled, a re-enabled one's sent again (docs/calendar.md#invites)
    await syncInvitesOfPerson(tx, ctx.tenantId, target.id, ctx.now);
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: disabled ? "user.disabled" : "user.enabled",
      entityType: "User",
      entityId: target.id,
      before: { disabledAt: target.disabledAt?.toISOString() ?? null },
      after: { disabledAt: updated.disabledAt?.toISOString() ?? null },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return updated;
  });
}

/** Redeems a staff invite: sets the password once; the token is deleted in the same transaction. */
export async function acceptInvite(
  prisma: Db,
  token: string,
  password: string,
  now: Date,
  meta: { ip?: string | null; requestId?: string | null } = {},
): Promise<{ email: string }> {
  const invalid = () =>
    new AppError("BAD_REQUEST", "This invitation link is invalid or has expired. Ask your admin for a new one.");
  const digest = tokenDigest(token);
  const row = await findOneTimeToken(prisma, digest);
  if (!row || !row.identifier.startsWith("invite:") || row.expires <= now) throw invalid();
  const email = row.identifier.slice("invite:".length);
  const user = await findUserByEmail(prisma, email);
  if (!user) throw invalid();
  assertStrongPassword(password, [email, user.name]);
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    const consumed = await consumeOneTimeToken(tx, digest);
    if (consumed.count !== 1) throw invalid();
    await setPassword(tx, user.tenantId, user.id, passwordHash);
    await recordAudit(tx, {
      tenantId: user.tenantId,
      actorId: user.id,
      action: "user.password_set",
      entityType: "User",
      entityId: user.id,
      ip: meta.ip ?? null,
      requestId: meta.requestId ?? null,
      at: now,
    });
  });
  return { email };
}
