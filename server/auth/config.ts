import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { headers } from "next/headers";
import { clientIpFrom } from "@/server/http/client-ip";
import { db } from "@/server/db/client";
import { createSession, revokeSession } from "@/server/db/sessions";
import { checkCredentials } from "./login";
import { requireSecondFactor } from "./two-factor-sign-in";
import { refusePasswordForSsoDomain, ssoProvider } from "./sso";
import type { Adapter } from "next-auth/adapters";
import { consumeMagicLinkToken } from "@/server/db/tokens";
import { issueMagicLink, magicLinkMinutes } from "./magic-link";
import { auditSignInEvent } from "./audit-events";

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** Auth.js rethrows this very object to the signIn() caller (raw mode), so the wait reaches the login action. */
export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

async function requestMeta(): Promise<{ ip: string; userAgent: string | null }> {
  try {
    const h = await headers();
    return { ip: clientIpFrom(h), userAgent: h.get("user-agent") };
  } catch {
    return { ip: "unknown", userAgent: null };
  }
}

/**
 * The Prisma adapter, except for sign-in links: their rows are written by issueMagicLink (only for
 * addresses that may use links, replacing older ones), and using one removes the address's others
 * (docs/security.md#magic-links).
 */
function adapter(): Adapter {
  const base = PrismaAdapter(db());
  return {
    ...base,
    createVerificationToken: (token) => token,
    useVerificationToken: ({ identifier, token }) => consumeMagicLinkToken(db(), identifier, token),
  };
}

/**
 * Auth.js v5. Password sign-in requires JWT sessions (docs/architecture.md#platform-constraints), so the JWT carries only the id
 * of a row in UserSession; every request checks that row (server/auth/current-user.ts), which makes
 * logout and revocation real. Magic links (customers) use Auth.js's verification tokens through the
 * Prisma adapter. Initialised lazily so `next build` needs no database or secret.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  adapter: adapter(),
  secret: process.env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login" },
  providers: [
    ssoProvider,
    Credentials({
      id: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" }, code: {}, remember: {} },
      async authorize(raw) {
        await refusePasswordForSsoDomain(raw);
        const { ip } = await requestMeta();
        const outcome = await checkCredentials(db(), raw, ip);
        if (outcome.ok) {
          // staff with two-factor sign-in: a code after the password (docs/security.md#two-factor-sign-in)
          await requireSecondFactor(db(), outcome, raw, { ip, now: new Date() });
          return { id: outcome.userId };
        }
        if (outcome.reason === "throttled") throw new ThrottledSignIn(outcome.retryAfterSeconds ?? 0);
        return null;
      },
    }),
    {
      id: "email",
      type: "email",
      name: "Email",
      maxAge: magicLinkMinutes() * 60,
      async sendVerificationRequest({ identifier, token, url, expires, request }) {
        await issueMagicLink(db(), { identifier, token, url, expires, headers: request.headers });
      },
    },
  ],
  callbacks: {
    async jwt({ token, user, account }) {
      if (user?.id) {
        const dbUser = await db().user.findUnique({ where: { id: user.id }, select: { tenantId: true } });
        if (!dbUser) throw new Error("user vanished during sign-in");
        const { ip, userAgent } = await requestMeta();
        const now = new Date();
        token.sid = await createSession(db(), {
          tenantId: dbUser.tenantId,
          userId: user.id,
          method: account?.provider ?? "unknown",
          ip,
          userAgent,
          now,
          expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
        });
        token.sub = user.id;
        if (account?.provider === "email")
          await auditSignInEvent(db(), { action: "auth.sign_in", email: user.email ?? "", method: "email" });
      }
      return token;
    },
    session({ session, token }) {
      session.sid = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(db(), sid, new Date());
      const sub = "token" in message ? message.token?.sub : undefined;
      if (typeof sid === "string" && sub)
        await auditSignInEvent(db(), { action: "auth.sign_out", userId: sub, sessionId: sid });
    },
  },
}));
