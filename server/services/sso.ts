import "server-only";
import { createHash, randomBytes } from "node:crypto";
import * as oidc from "openid-client";
import { serverEnv } from "@/lib/env";
import type { SsoRefusal, SsoSettings } from "@/lib/schemas/sso";
import { recordAudit } from "@/server/db/audit";
import type { Db } from "@/server/db/client";
import {
  allowPasswordSignIn,
  claimSsoLogin,
  createSsoLogin,
  deleteSsoSettings,
  domainsOfOtherTenants,
  findSsoByDomain,
  findSsoClientSecret,
  findSsoForTenant,
  findSsoSettings,
  purgeSsoLogins,
  redeemSsoTicket,
  saveSsoSettings,
  setSsoTicket,
} from "@/server/db/sso";
import { createUser, findUserByEmail } from "@/server/db/users";
import { findTenantBySlug } from "@/server/db/intake";
import { AppError } from "@/server/errors";
import { guardedFetch } from "@/server/auth/oidc-fetch";
import { enforce } from "@/server/auth/rate-limit";
import { UnsafeUrlError, assertSafeOutgoingUrl } from "@/server/messaging/ssrf";
import type { ServiceContext } from "./context";

/**
 * Single sign-on for staff with OpenID Connect (docs/security.md#single-sign-on): authorization code flow with
 * PKCE (S256), state and nonce, done by openid-client, which checks the ID token's signature (the provider's
 * published keys), issuer, audience, expiry and nonce. Every request to the provider passes the SSRF guard.
 */

export const SSO_CALLBACK_PATH = "/api/sso/callback";
/** how long a started sign-in waits for the provider's answer */
const ATTEMPT_TTL_MS = 10 * 60 * 1000;
/** how long the verified answer's ticket may take to open the session */
const TICKET_TTL_MS = 60 * 1000;
/** how long a finished or expired attempt is kept after it expired */
const ATTEMPT_KEPT_MS = 24 * 60 * 60 * 1000;

const digest = (value: string) => createHash("sha256").update(value).digest("hex");

/** Where the provider is reached and whether private addresses are allowed (tests, local development). */
export type SsoEnv = {
  db: Db;
  now: Date;
  ip: string;
  requestId: string;
  appUrl: string;
  allowPrivateNetworks: boolean;
};

async function discover(
  issuer: string,
  clientId: string,
  clientSecret: string,
  env: { allowPrivateNetworks: boolean; now: Date },
) {
  const metadata: Partial<oidc.ClientMetadata> = {
    client_secret: clientSecret,
    // the app's clock (ctx.now), not the machine's: docs/architecture.md#layers
    [oidc.clockSkew]: Math.round((env.now.getTime() - performance.timeOrigin - performance.now()) / 1000),
  };
  const guarded = (config: oidc.Configuration) => {
    config[oidc.customFetch] = guardedFetch(env.allowPrivateNetworks);
    if (env.allowPrivateNetworks) oidc.allowInsecureRequests(config);
    return config;
  };
  const discovered = await oidc.discovery(new URL(issuer), clientId, metadata, undefined, {
    [oidc.customFetch]: guardedFetch(env.allowPrivateNetworks),
    ...(env.allowPrivateNetworks ? { execute: [oidc.allowInsecureRequests] } : {}),
  });
  // HTTP Basic is the token endpoint's default method (OpenID Connect Discovery); POST only where it is the sole one
  const methods = discovered.serverMetadata().token_endpoint_auth_methods_supported;
  const auth =
    !methods || methods.includes("client_secret_basic")
      ? oidc.ClientSecretBasic(clientSecret)
      : oidc.ClientSecretPost(clientSecret);
  return guarded(new oidc.Configuration(discovered.serverMetadata(), clientId, metadata, auth));
}

/* ------------------------------------------------------------------ settings */

/** What the settings page edits: everything but the client secret, which is only said to be set. */
export async function ssoForEditing(ctx: ServiceContext) {
  const { settings, domains } = await findSsoSettings(ctx.db, ctx.tenantId);
  return {
    configured: settings !== null,
    issuer: settings?.issuer ?? "",
    clientId: settings?.clientId ?? "",
    clientSecretSet: settings !== null,
    domains,
    provisioning: (settings?.provisioning ?? "invite") as SsoSettings["provisioning"],
    defaultRole: (settings?.defaultRole ?? "CSM") as SsoSettings["defaultRole"],
    passwordSignInOff: settings?.passwordSignInOff ?? false,
    version: settings?.version ?? 0,
    updatedAt: settings?.updatedAt ?? null,
    /** what the admin registers at the provider */
    redirectUri: `${serverEnv().APP_URL.replace(/\/$/, "")}${SSO_CALLBACK_PATH}`,
  };
}

const DOMAIN_TAKEN =
  "One of these domains is already used for single sign-on by another workspace. If it is yours, contact support.";

export async function updateSsoSettings(
  ctx: ServiceContext,
  input: SsoSettings,
  env: { allowPrivateNetworks: boolean },
) {
  const savedSecret = await findSsoClientSecret(ctx.db, ctx.tenantId);
  const clientSecret = input.clientSecret.trim() || savedSecret;
  if (!clientSecret)
    throw new AppError("BAD_REQUEST", "Enter the client secret", {
      fieldErrors: { clientSecret: "Enter the client secret" },
    });
  if ((await domainsOfOtherTenants(ctx.db, ctx.tenantId, input.domains)).length > 0)
    throw new AppError("CONFLICT", DOMAIN_TAKEN, { fieldErrors: { domains: DOMAIN_TAKEN } });

  const issuerError = (message: string) => new AppError("BAD_REQUEST", message, { fieldErrors: { issuer: message } });
  try {
    await assertSafeOutgoingUrl(input.issuer, env.allowPrivateNetworks);
  } catch (error) {
    if (error instanceof UnsafeUrlError) throw issuerError(`The issuer URL cannot be used: ${error.message}`);
    throw error;
  }
  try {
    await discover(input.issuer, input.clientId, clientSecret, { ...env, now: ctx.now });
  } catch {
    throw issuerError(
      "We could not read this identity provider's OpenID configuration (/.well-known/openid-configuration). Check the issuer URL.",
    );
  }

  await ctx.db.$transaction(async (tx) => {
    const before = await findSsoSettings(tx, ctx.tenantId);
    const saved = await saveSsoSettings(
      tx,
      ctx.tenantId,
      { ...input, clientSecret },
      { actorId: ctx.actorId, at: ctx.now },
    );
    // a domain another workspace took meanwhile stays theirs: refuse rather than half-save
    if ((await domainsOfOtherTenants(tx, ctx.tenantId, input.domains)).length > 0)
      throw new AppError("CONFLICT", DOMAIN_TAKEN, { fieldErrors: { domains: DOMAIN_TAKEN } });
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "sso.updated",
      entityType: "TenantSso",
      entityId: ctx.tenantId,
      before: before.settings
        ? { ...before.settings, updatedAt: before.settings.updatedAt.toISOString(), domains: before.domains }
        : undefined,
      after: {
        issuer: saved.issuer,
        clientId: saved.clientId,
        provisioning: saved.provisioning,
        defaultRole: saved.defaultRole,
        passwordSignInOff: saved.passwordSignInOff,
        version: saved.version,
        domains: [...input.domains],
        clientSecretChanged: clientSecret !== savedSecret,
      },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
  return { ok: true as const };
}

export async function removeSsoSettings(ctx: ServiceContext) {
  await ctx.db.$transaction(async (tx) => {
    const before = await findSsoSettings(tx, ctx.tenantId);
    if (!before.settings) return;
    await deleteSsoSettings(tx, ctx.tenantId);
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "sso.removed",
      entityType: "TenantSso",
      entityId: ctx.tenantId,
      before: { issuer: before.settings.issuer, clientId: before.settings.clientId, domains: before.domains },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
  return { ok: true as const };
}

/**
 * The operator's recovery (`npm run tenant:sso-off -- <slug>`, docs/security.md#single-sign-on): a workspace whose
 * admin turned password sign-in off and whose identity provider is down gets password sign-in back for its domains.
 * Single sign-on stays set up; the change is a new settings version, audited in the workspace's chain with no
 * actor (`via: "cli"`). Returns whether anything changed.
 */
export async function restorePasswordSignIn(db: Db, slug: string, now: Date) {
  const tenant = await findTenantBySlug(db, slug);
  if (!tenant) throw new AppError("NOT_FOUND", `No workspace has the address ${slug}.`);
  return db.$transaction(async (tx) => {
    const { settings, domains } = await findSsoSettings(tx, tenant.id);
    if (!settings) throw new AppError("BAD_REQUEST", `The workspace ${slug} has no single sign-on.`);
    if (!settings.passwordSignInOff) return { slug, domains, changed: false };
    await allowPasswordSignIn(tx, tenant.id, now);
    await recordAudit(tx, {
      tenantId: tenant.id,
      actorId: null,
      action: "sso.password_sign_in_restored",
      entityType: "TenantSso",
      entityId: tenant.id,
      before: { passwordSignInOff: true },
      after: { passwordSignInOff: false, via: "cli" },
      at: now,
    });
    return { slug, domains, changed: true };
  });
}

/* ------------------------------------------------------------------ sign-in */

const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

/** True when this address's domain signs in with single sign-on only (docs/security.md#single-sign-on). */
export async function passwordSignInOff(db: Db, email: string): Promise<boolean> {
  const sso = await findSsoByDomain(db, domainOf(email));
  return sso?.passwordSignInOff ?? false;
}

/** "Sign in with SSO": the provider's authorization URL and the state the browser keeps in a cookie. */
export async function startSsoSignIn(env: SsoEnv, email: string): Promise<{ url: string; state: string }> {
  // per network first, so a refused start does not also use up the address's allowance
  await enforce("ssoIp", env.ip, "single sign-on attempts from your network");
  await enforce("ssoEmail", email.toLowerCase(), "single sign-on attempts for this address");
  // attempts are of no use a day after they expired: each start clears them, as each magic link clears its kind
  await purgeSsoLogins(env.db, new Date(env.now.getTime() - ATTEMPT_KEPT_MS));
  const sso = await findSsoByDomain(env.db, domainOf(email));
  if (!sso)
    throw new AppError(
      "BAD_REQUEST",
      "Single sign-on is not set up for this email domain. Sign in with your password, or ask your admin.",
      { fieldErrors: { email: "Single sign-on is not set up for this email domain" } },
    );
  let config: oidc.Configuration;
  try {
    config = await discover(sso.issuer, sso.clientId, sso.clientSecret, env);
  } catch {
    throw new AppError("BAD_REQUEST", "Your identity provider could not be reached. Try again in a minute.");
  }
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  await createSsoLogin(env.db, {
    stateHash: digest(state),
    tenantId: sso.tenantId,
    nonce,
    codeVerifier,
    now: env.now,
    expiresAt: new Date(env.now.getTime() + ATTEMPT_TTL_MS),
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: `${env.appUrl}${SSO_CALLBACK_PATH}`,
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    login_hint: email,
  });
  return { url: url.href, state };
}

/** The oauth4webapi / openid-client error code and the claim it names, looked up through the causes. */
function describeOidcError(error: unknown): { code?: string; claim?: string } {
  let code: string | undefined;
  let claim: string | undefined;
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e && typeof e === "object"; depth++) {
    const found = e as { code?: unknown; claim?: unknown; cause?: unknown };
    if (!code && typeof found.code === "string" && found.code.startsWith("OAUTH_")) code = found.code;
    if (!claim && typeof found.claim === "string") claim = found.claim;
    e = found.cause;
  }
  return { code, claim };
}

function refusalOf(error: unknown): SsoRefusal {
  const { code, claim } = describeOidcError(error);
  if (code === "OAUTH_JWT_CLAIM_COMPARISON_FAILED" && (claim === "aud" || claim === "azp")) return "audience";
  if (code === "OAUTH_JWT_TIMESTAMP_CHECK_FAILED") return "expired";
  if (code === "OAUTH_AUTHORIZATION_RESPONSE_ERROR") return "cancelled";
  if (code === "OAUTH_RESPONSE_BODY_ERROR" || code === undefined) return "provider";
  return "token";
}

export type SsoCallbackResult = { ok: true; ticket: string } | { ok: false; reason: SsoRefusal };

/**
 * The provider's answer: the state must be the one this browser started (its cookie) and still pending; then
 * openid-client redeems the code (PKCE) and checks the ID token; then the address must be of a domain mapped
 * to the workspace and belong (or, just in time, be added) to it. Each outcome is audited.
 */
export async function completeSsoSignIn(
  env: SsoEnv,
  callback: { search: string; cookieState: string | null },
): Promise<SsoCallbackResult> {
  const params = new URLSearchParams(callback.search);
  const state = params.get("state");
  if (!state || !callback.cookieState || state !== callback.cookieState) return { ok: false, reason: "state" };
  const attempt = await claimSsoLogin(env.db, digest(state), env.now);
  if (!attempt) return { ok: false, reason: "state" };
  const sso = await findSsoForTenant(env.db, attempt.tenantId);
  if (!sso) return { ok: false, reason: "provider" };

  const refuse = async (reason: SsoRefusal, detail: Record<string, string> = {}): Promise<SsoCallbackResult> => {
    await env.db.$transaction((tx) =>
      recordAudit(tx, {
        tenantId: attempt.tenantId,
        actorId: null,
        action: "auth.sso.refused",
        entityType: "TenantSso",
        entityId: attempt.tenantId,
        after: { reason, ...detail },
        ip: env.ip,
        requestId: env.requestId,
        at: env.now,
      }),
    );
    return { ok: false, reason };
  };

  let claims: oidc.IDToken | undefined;
  try {
    const config = await discover(sso.issuer, sso.clientId, sso.clientSecret, env);
    const tokens = await oidc.authorizationCodeGrant(
      config,
      new URL(`${env.appUrl}${SSO_CALLBACK_PATH}?${params.toString()}`),
      {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      },
    );
    claims = tokens.claims();
  } catch (error) {
    const reason = refusalOf(error);
    const { code, claim } = describeOidcError(error);
    return refuse(reason, { ...(code ? { code } : {}), ...(claim ? { claim } : {}) });
  }
  if (!claims) return refuse("token");

  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!email.includes("@") || claims.email_verified === false) return refuse("account", { subject: claims.sub });
  if (!sso.domains.includes(domainOf(email))) return refuse("domain", { email });

  const existing = await findUserByEmail(env.db, email);
  let userId: string;
  if (existing) {
    const user = await env.db.user.findUnique({
      where: { id: existing.id },
      select: { role: true, disabledAt: true },
    });
    if (existing.tenantId !== attempt.tenantId || !user || user.role === "CUSTOMER" || user.disabledAt)
      return refuse("account", { email });
    userId = existing.id;
  } else if (sso.provisioning !== "jit") {
    return refuse("not_invited", { email });
  } else {
    const name = (typeof claims.name === "string" && claims.name.trim()) || email.slice(0, email.indexOf("@"));
    const created = await env.db.$transaction(async (tx) => {
      const user = await createUser(tx, attempt.tenantId, {
        email,
        name: name.slice(0, 120),
        role: sso.defaultRole,
        emailVerified: env.now,
      });
      await recordAudit(tx, {
        tenantId: attempt.tenantId,
        actorId: null,
        action: "user.provisioned_by_sso",
        entityType: "User",
        entityId: user.id,
        after: { email, role: sso.defaultRole, issuer: sso.issuer, subject: claims.sub },
        ip: env.ip,
        requestId: env.requestId,
        at: env.now,
      });
      return user;
    });
    userId = created.id;
  }

  const ticket = randomBytes(32).toString("base64url");
  await env.db.$transaction(async (tx) => {
    await setSsoTicket(tx, attempt.stateHash, {
      ticketHash: digest(ticket),
      userId,
      expiresAt: new Date(env.now.getTime() + TICKET_TTL_MS),
    });
    await recordAudit(tx, {
      tenantId: attempt.tenantId,
      actorId: userId,
      action: "auth.sso.signed_in",
      entityType: "User",
      entityId: userId,
      after: { email, issuer: sso.issuer, subject: claims.sub },
      ip: env.ip,
      requestId: env.requestId,
      at: env.now,
    });
  });
  return { ok: true, ticket };
}

/** The Auth.js "sso" provider's check: the ticket opens one session, once, within a minute. */
export async function redeemTicket(db: Db, raw: unknown, now: Date): Promise<string | null> {
  if (typeof raw !== "string" || raw.length < 20 || raw.length > 100) return null;
  const redeemed = await redeemSsoTicket(db, digest(raw), now);
  return redeemed?.userId ?? null;
}
