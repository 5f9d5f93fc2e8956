import { readChannelPrefs, type RecurringMailKind } from "@/lib/schemas/channel-prefs";
import { MAIL_KIND_LABEL } from "@/lib/labels/mail-kind";
import { recordAudit } from "@/server/db/audit";
import type { Db, DbOrTx } from "@/server/db/client";
import { findPrefsOwner, writeChannelPrefs } from "@/server/db/notification-prefs";
import { AppError, notFound } from "@/server/errors";
import { readUnsubscribeToken, type UnsubscribeClaim } from "@/server/messaging/unsubscribe";

/**
 * One-click unsubscribe (docs/messaging.md#headers): the signed token from a recurring email stops
 * that kind of email to that person, without a login. Idempotent — a second request changes nothing
 * and records nothing — and audited when it changes something. A token that does not verify, or
 * names a person who no longer exists, is "not found".
 */
export type UnsubscribeContext = { db: Db; secret: string; now: Date; ip: string; requestId: string };

export const ONE_CLICK_BODY = "List-Unsubscribe=One-Click";

async function resolve(db: DbOrTx, secret: string, token: string) {
  const claim = readUnsubscribeToken(secret, token);
  if (!claim) throw notFound("Unsubscribe link");
  const owner = await findPrefsOwner(db, claim.tenantId, claim.userId);
  if (!owner) throw notFound("Unsubscribe link");
  return { claim, owner, prefs: readChannelPrefs(owner.channelPrefs) };
}

/** "p…@example.com": enough for people to recognise their address, not enough to harvest it. */
function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  return at <= 0 ? "your address" : `${email[0]}…${email.slice(at)}`;
}

export type SubscriptionView = {
  kind: RecurringMailKind;
  kindLabel: string;
  email: string;
  unsubscribed: boolean;
};

export async function subscriptionByToken(db: Db, secret: string, token: string): Promise<SubscriptionView> {
  const { claim, owner, prefs } = await resolve(db, secret, token);
  return {
    kind: claim.kind,
    kindLabel: MAIL_KIND_LABEL[claim.kind],
    email: maskEmail(owner.email),
    unsubscribed: prefs.emailOptOuts.includes(claim.kind),
  };
}

/**
 * The one-click POST: `form` is its body, which RFC 8058 requires to be exactly
 * `List-Unsubscribe=One-Click`; the page's button sends the same, or `resubscribe` to undo.
 */
export function parseOneClickBody(body: string): "unsubscribe" | "resubscribe" {
  const form = new URLSearchParams(body);
  if (form.get("action") === "resubscribe") return "resubscribe";
  if (form.get("List-Unsubscribe") === "One-Click") return "unsubscribe";
  throw new AppError("BAD_REQUEST", `The body must be ${ONE_CLICK_BODY} (a form post, as mailbox providers send it).`, {
    fieldErrors: { "List-Unsubscribe": `Send ${ONE_CLICK_BODY}` },
  });
}

export async function setSubscriptionByToken(
  ctx: UnsubscribeContext,
  token: string,
  action: "unsubscribe" | "resubscribe",
): Promise<SubscriptionView & { changed: boolean }> {
  return ctx.db.$transaction(async (tx) => {
    const { claim, owner, prefs } = await resolve(tx, ctx.secret, token);
    const had = prefs.emailOptOuts.includes(claim.kind);
    const wants = action === "unsubscribe";
    const view = { kind: claim.kind, kindLabel: MAIL_KIND_LABEL[claim.kind], email: maskEmail(owner.email) };
    if (had === wants) return { ...view, unsubscribed: had, changed: false };
    const emailOptOuts = wants
      ? [...prefs.emailOptOuts, claim.kind]
      : prefs.emailOptOuts.filter((k) => k !== claim.kind);
    if (!(await writeChannelPrefs(tx, claim.tenantId, claim.userId, { ...prefs, emailOptOuts })))
      throw notFound("Unsubscribe link");
    await recordAudit(tx, auditOf(ctx, claim, wants, prefs.emailOptOuts, emailOptOuts));
    return { ...view, unsubscribed: wants, changed: true };
  });
}

function auditOf(
  ctx: UnsubscribeContext,
  claim: UnsubscribeClaim,
  unsubscribed: boolean,
  before: RecurringMailKind[],
  after: RecurringMailKind[],
) {
  return {
    tenantId: claim.tenantId,
    actorId: claim.userId,
    action: unsubscribed ? "email.unsubscribed" : "email.resubscribed",
    entityType: "User",
    entityId: claim.userId,
    before: { emailOptOuts: before },
    after: { emailOptOuts: after, kind: claim.kind, via: "unsubscribe link" },
    ip: ctx.ip,
    requestId: ctx.requestId,
    at: ctx.now,
  };
}
