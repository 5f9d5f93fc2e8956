import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import type { Role } from "@/generated/prisma/enums";
import { submitAssessment } from "@/server/services/intake";
import { submitSignup } from "@/server/services/signup";
import { unsubscribeToken } from "@/server/messaging/unsubscribe";
import {
  ALL_FULL_ANSWERS,
  SAMPLE_REQUEST,
  createTenantFixture,
  journeyFor,
  openSurveyFor,
  signOffCriterionOf,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";
import { recordFigure } from "./figures";

/**
 * Authorization matrix for every page (app/**\/page.tsx) × 9 callers: anonymous, every role of tenant A,
 * an admin and a customer of tenant B, a customer of another account of tenant A. A page without an
 * entry fails the suite.
 *
 * How: each page's server component is called as a function, on its own — without its layout and
 * without proxy.ts — with currentUser() and the server-side tRPC caller bound to the cell's user. So
 * what is tested is the page's own check (docs/architecture.md#access-checks, CVE-2025-29927): a layout that forgets, or a
 * request that skips the proxy, changes nothing. The outcome is what Next.js would answer: the
 * rendered element ("ok"), redirect() to sign-in, or notFound(). Expected roles are written out as roles
 * here, not derived from the permission map, so a change to either shows up as a failure.
 * Nested async server components are not rendered by this call; they fetch through the same tRPC
 * procedures, which tests/integration/authorization-matrix.int.test.ts covers. e2e/security.spec.ts
 * visits a sample of pages on a running server as each role.
 */
const cell = vi.hoisted((): { user: SessionUser | null; headers: Record<string, string> } => ({
  user: null,
  headers: { host: "localhost:3000" },
}));
vi.mock("server-only", () => ({}));
vi.mock("@/server/auth/current-user", () => ({
  currentUser: () => cell.user,
  loadSessionUser: () => cell.user,
}));
vi.mock("@/trpc/server", async () => {
  const { callerFor } = await import("../helpers/fixtures");
  return { api: () => callerFor(cell.user) };
});
vi.mock("next/headers", () => ({
  headers: () => new Headers(cell.headers),
  cookies: () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));

type Outcome = "ok" | "login" | "notFound" | `redirect:${string}`;
type PageEntry = {
  /** roles of tenant A that see the page; "public": every caller, signed in or not */
  allow: readonly Role[] | "public";
  /** route params built from tenant A's fixture */
  params?: (f: TenantFixture) => Promise<Record<string, string>> | Record<string, string>;
  /** "tenant"/"account": params name a tenant-A (account-A) record → outsiders with an allowed role get notFound */
  scope: "own" | "tenant" | "account";
  /** overrides for callers whose answer is a redirect rather than the page */
  outcomes?: Partial<Record<Caller, Outcome>>;
};

const STAFF = ["ADMIN", "EXECUTIVE", "CSM", "TECH_LEAD"] as const;
const EVERYONE = [...STAFF, "CUSTOMER"] as const;
const CALLERS = ["anonymous", ...EVERYONE, "otherTenantAdmin", "otherTenantCustomer", "otherAccountCustomer"] as const;
type Caller = (typeof CALLERS)[number];
const homes = {
  ADMIN: "redirect:/settings",
  EXECUTIVE: "redirect:/dashboard",
  CSM: "redirect:/leads",
  TECH_LEAD: "redirect:/projects",
  CUSTOMER: "redirect:/portal",
  otherTenantAdmin: "redirect:/settings",
  otherTenantCustomer: "redirect:/portal",
  otherAccountCustomer: "redirect:/portal",
} as const;

const PAGE_MATRIX: Record<string, PageEntry> = {
  "/": { allow: "public", scope: "own", outcomes: { anonymous: "login", ...homes } },
  "/login": { allow: "public", scope: "own", outcomes: homes },
  "/login/check-email": { allow: "public", scope: "own" },
  // docs/api.md: the API reference, rendered from the OpenAPI document
  "/docs/api": { allow: "public", scope: "own" },
  // the invitation token is checked when the form is submitted (users.acceptInvite-style procedure)
  "/invite/[token]": { allow: "public", params: () => ({ token: "not-a-real-invite" }), scope: "own" },
  "/assess/[slug]": { allow: "public", params: (f) => ({ slug: f.tenant.slug }), scope: "own" },
  "/assess/[slug]/result/[token]": {
    allow: "public",
    params: async (f) => ({ slug: f.tenant.slug, token: await intakeToken(f) }),
    scope: "own",
  },
  // docs/signup.md: public sign-up; the verification page is reached with a fresh pending sign-up's link per caller
  "/signup": { allow: "public", scope: "own" },
  "/signup/verify/[token]": {
    allow: "public",
    params: async () => ({ token: await pendingSignupToken() }),
    scope: "own",
  },
  "/survey/[token]": {
    allow: "public",
    params: async (f) => ({ token: (await openSurveyFor(f)).token }),
    scope: "own",
  },
  // docs/messaging.md#headers: the page behind a recurring email's unsubscribe link; the signed token is the credential
  "/unsubscribe/[token]": {
    allow: "public",
    params: (f) => ({
      token: unsubscribeToken(process.env.AUTH_SECRET ?? "", {
        tenantId: f.tenant.id,
        userId: f.users.CSM.id,
        kind: "alert",
      }),
    }),
    scope: "own",
  },
  // demo/development only (404 in production, see below); a mailbox by address is how demo customers read magic links
  "/dev/mail": { allow: "public", scope: "own" },
  "/dashboard": { allow: ["ADMIN", "EXECUTIVE"], scope: "own" },
  "/dashboard/kpis/[id]": {
    allow: ["ADMIN", "EXECUTIVE"],
    params: () => ({ id: "project_success_rate" }),
    scope: "own",
  },
  "/journeys": { allow: ["ADMIN", "EXECUTIVE", "CSM"], scope: "own" },
  "/journeys/[id]": {
    allow: ["ADMIN", "EXECUTIVE", "CSM"],
    params: async (f) => ({ id: await journeyFor(f) }),
    scope: "tenant",
  },
  "/leads": { allow: ["ADMIN", "EXECUTIVE", "CSM"], scope: "own" },
  // CSV import (docs/import.md): whoever may create leads / manage accounts
  "/leads/import": { allow: ["ADMIN", "CSM"], scope: "own" },
  "/accounts/import": { allow: ["ADMIN", "CSM"], scope: "own" },
  "/leads/[id]": { allow: ["ADMIN", "EXECUTIVE", "CSM"], params: (f) => ({ id: f.lead.id }), scope: "tenant" },
  // a customer sees only their own notifications; the staff layout hides the page from them as well
  "/notifications": { allow: EVERYONE, scope: "own" },
  "/projects": { allow: STAFF, scope: "own" },
  "/projects/[id]": { allow: STAFF, params: (f) => ({ id: f.projectA.id }), scope: "tenant" },
  "/settings": { allow: ["ADMIN"], scope: "own" },
  "/settings/api-keys": { allow: ["ADMIN"], scope: "own" },
  "/settings/jobs": { allow: ["ADMIN"], scope: "own" },
  // one's own channels and digest frequency
  "/settings/notifications": { allow: EVERYONE, scope: "own" },
  "/settings/two-factor": { allow: STAFF, scope: "own" },
  "/settings/scoring": { allow: ["ADMIN", "EXECUTIVE", "CSM"], scope: "own" },
  "/settings/webhooks": { allow: ["ADMIN"], scope: "own" },
  "/settings/branding": { allow: ["ADMIN"], scope: "own" },
  "/settings/sso": { allow: ["ADMIN"], scope: "own" },
  "/settings/webhooks/[id]": { allow: ["ADMIN"], params: async (f) => ({ id: await endpointOf(f) }), scope: "tenant" },
  // docs/domain.md#retention: retention (accounts), refunds, the guarantee of a project (staff) and of one's own project (customer)
  "/accounts": { allow: ["ADMIN", "EXECUTIVE", "CSM"], scope: "own" },
  "/accounts/[id]": { allow: ["ADMIN", "EXECUTIVE", "CSM"], params: (f) => ({ id: f.accountA.id }), scope: "tenant" },
  "/refunds": { allow: ["ADMIN", "EXECUTIVE"], scope: "own" },
  // every alert of the tenant, for the staff who deal with them
  "/alerts": { allow: STAFF, scope: "own" },
  "/projects/[id]/guarantee": { allow: STAFF, params: (f) => ({ id: f.projectA.id }), scope: "tenant" },
  "/portal/projects/[id]/guarantee": { allow: ["CUSTOMER"], params: (f) => ({ id: f.projectA.id }), scope: "account" },
  "/portal": { allow: ["CUSTOMER"], scope: "own" },
  "/portal/learn": { allow: ["CUSTOMER"], scope: "own" },
  "/portal/preferences": { allow: ["CUSTOMER"], scope: "own" },
  "/portal/projects/[id]": { allow: ["CUSTOMER"], params: (f) => ({ id: f.projectA.id }), scope: "account" },
  "/portal/projects/[id]/sign-off/[criterionId]": {
    allow: ["CUSTOMER"],
    params: async (f) => ({ id: f.projectA.id, criterionId: (await signOffCriterionOf(f.projectA.id)).criterionId }),
    scope: "account",
  },
};

/** A fresh pending workspace sign-up (its own company, domain and address); its verification link's token. */
async function pendingSignupToken(): Promise<string> {
  const tag = randomUUID().slice(0, 12);
  const email = `founder@p-${tag}.example.com`;
  const ctx = { db: testDb(), ip: `pages-signup-${tag}`, requestId: "pages", now: new Date() };
  await submitSignup(
    ctx,
    { companyName: `Pages ${tag}`, slug: `pages-${tag}`, founderName: "Page Founder", email },
    "open",
    "http://localhost:3000",
  );
  const message = await testDb().outboxMessage.findFirstOrThrow({ where: { recipient: email } });
  const token = message.bodyText.match(/\/signup\/verify\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error("no verification link in the sign-up email");
  return token;
}

const intakeTokens = new Map<string, Promise<string>>();
function intakeToken(f: TenantFixture): Promise<string> {
  let token = intakeTokens.get(f.tag);
  if (!token) {
    const submission = {
      tenantSlug: f.tenant.slug,
      answers: ALL_FULL_ANSWERS,
      project: {
        features: SAMPLE_REQUEST.requirements,
        timelineWeeks: 8,
        budgetBand: "100k_250k" as const,
        teamSize: 3,
        techStack: [],
        integrations: [],
        compliance: [],
        businessCritical: false,
        hasFallbackPlan: true,
      },
      contact: {
        name: "Page Prospect",
        email: `pages-${f.tag}@example.com`.toLowerCase(),
        company: `Pages Co ${f.tag}`,
      },
    };
    token = submitAssessment(
      { db: testDb(), ip: `pages-${f.tag}`, requestId: "pages", now: new Date() },
      submission,
      "http://localhost:3000",
    ).then((r) => r.token);
    intakeTokens.set(f.tag, token);
  }
  return token;
}

const endpoints = new Map<string, Promise<string>>();
function endpointOf(f: TenantFixture): Promise<string> {
  let id = endpoints.get(f.tag);
  if (!id) {
    id = testDb()
      .webhookEndpoint.create({
        data: {
          tenantId: f.tenant.id,
          url: "https://hooks.example.com/onward",
          secret: `whsec_${Buffer.alloc(32, 9).toString("base64")}`,
          events: ["alert.created"],
        },
        select: { id: true },
      })
      .then((e) => e.id);
    endpoints.set(f.tag, id);
  }
  return id;
}

const appDir = path.resolve(import.meta.dirname, "..", "..", "app");
function pageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "api" && dir === appDir ? [] : pageFiles(full);
    return e.name === "page.tsx" || e.name === "page.ts" ? [full] : [];
  });
}
/** app/(staff)/leads/[id]/page.tsx → /leads/[id] */
const pagePath = (file: string) =>
  `/${path
    .relative(appDir, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .join("/")}`;
const FILES = new Map(pageFiles(appDir).map((f) => [pagePath(f), f]));

type PageFn = (props: {
  params: Promise<Record<string, string>>;
  searchParams: Promise<Record<string, string>>;
}) => unknown;

/** What Next.js would answer: redirect() and notFound() throw errors that carry a digest. */
async function render(page: PageFn, params: Record<string, string>): Promise<Outcome> {
  try {
    await page({ params: Promise.resolve(params), searchParams: Promise.resolve({}) });
    return "ok";
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "notFound";
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) {
      const target = digest.split(";")[2] ?? "";
      return target.startsWith("/login") ? "login" : `redirect:${target}`;
    }
    throw error;
  }
}

function expectedOutcome(
  entry: PageEntry,
  caller: Caller,
  role: Role | null,
  kind: "tenant" | "account" | null,
): Outcome {
  const override = entry.outcomes?.[caller];
  if (override) return override;
  if (entry.allow === "public") return "ok";
  if (role === null) return "login";
  if (!entry.allow.includes(role)) return "notFound";
  if (kind === "tenant" && entry.scope !== "own") return "notFound";
  if (kind === "account" && entry.scope === "account") return "notFound";
  return "ok";
}

let a: TenantFixture;
let b: TenantFixture;
let cells = 0;
let unexpectedAllows = 0;

beforeAll(async () => {
  // the matrix renders /dev/mail as the demo does, for a browser on this machine; the closed cases are below
  vi.stubEnv("ONWARD_DEMO", "1");
  a = await createTenantFixture("pages-a");
  b = await createTenantFixture("pages-b");
});

describe("page authorization matrix", () => {
  it("has an entry for every page under app/, and none for pages that do not exist", () => {
    const missing = [...FILES.keys()].filter((p) => !(p in PAGE_MATRIX));
    const stale = Object.keys(PAGE_MATRIX).filter((p) => !FILES.has(p));
    expect(missing, "pages without an authorization entry").toEqual([]);
    expect(stale, "entries for pages that no longer exist").toEqual([]);
  });

  it.each([...FILES.keys()].sort())(
    "%s answers every caller as its entry says, on its own (no layout, no proxy)",
    async (route) => {
      const entry = PAGE_MATRIX[route];
      const file = FILES.get(route);
      if (!entry || !file) throw new Error(`no authorization entry for page ${route}`);
      const page = ((await import(/* @vite-ignore */ file)) as { default: PageFn }).default;
      const params = (await entry.params?.(a)) ?? {};
      const users: Record<Caller, [SessionUser | null, "tenant" | "account" | null]> = {
        anonymous: [null, null],
        ADMIN: [a.users.ADMIN, null],
        EXECUTIVE: [a.users.EXECUTIVE, null],
        CSM: [a.users.CSM, null],
        TECH_LEAD: [a.users.TECH_LEAD, null],
        CUSTOMER: [a.users.CUSTOMER, null],
        otherTenantAdmin: [b.users.ADMIN, "tenant"],
        otherTenantCustomer: [b.users.CUSTOMER, "tenant"],
        otherAccountCustomer: [a.otherAccountCustomer, "account"],
      };
      for (const caller of CALLERS) {
        const [user, kind] = users[caller];
        cell.user = user;
        const expected = expectedOutcome(entry, caller, user?.role ?? null, kind);
        // a public page may be reached by a fresh token per caller (a survey link answers once)
        const outcome = await render(page, entry.allow === "public" && entry.params ? await entry.params(a) : params);
        cells += 1;
        if (outcome === "ok" && expected !== "ok") unexpectedAllows += 1;
        expect(outcome, `${route} as ${caller}`).toBe(expected);
      }
    },
  );

  // docs/security.md#demo-mode: the mail viewer exists in demo mode (and under next dev) for this machine only
  const DEV_MAIL_CLOSED: [string, Record<string, string>, Record<string, string>][] = [
    ["a production build without demo mode", { NODE_ENV: "production", ONWARD_DEMO: "0" }, { host: "localhost:3000" }],
    ["a test run without demo mode", { ONWARD_DEMO: "0" }, { host: "localhost:3000" }],
    [
      "demo mode, a visitor behind a proxy",
      { ONWARD_DEMO: "1" },
      { host: "localhost:3000", "x-forwarded-for": "203.0.113.7" },
    ],
    ["demo mode, a public host name", { ONWARD_DEMO: "1" }, { host: "onward.example.com" }],
  ];
  for (const [label, env, headers] of DEV_MAIL_CLOSED) {
    it(`/dev/mail is not found for everyone in ${label}`, async () => {
      for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
      cell.headers = headers;
      try {
        const file = FILES.get("/dev/mail");
        if (!file) throw new Error("no /dev/mail page");
        const page = ((await import(/* @vite-ignore */ file)) as { default: PageFn }).default;
        for (const user of [null, a.users.ADMIN, a.users.CUSTOMER]) {
          cell.user = user;
          cells += 1;
          const outcome = await render(page, {});
          if (outcome === "ok") unexpectedAllows += 1;
          expect(outcome).toBe("notFound");
        }
      } finally {
        vi.unstubAllEnvs();
        vi.stubEnv("ONWARD_DEMO", "1");
        cell.headers = { host: "localhost:3000" };
      }
    });
  }

  it("reports how many cells were checked", () => {
    expect(unexpectedAllows).toBe(0);
    expect(cells).toBe(FILES.size * CALLERS.length + 3 * DEV_MAIL_CLOSED.length);
    recordFigure("pages-matrix", {
      title: "page authorization matrix",
      lines: [
        `${FILES.size} pages × ${CALLERS.length} callers + ${3 * DEV_MAIL_CLOSED.length} dev-mail checks = ${cells} cells, ${unexpectedAllows} unexpected allows`,
      ],
      ok: unexpectedAllows === 0,
    });
  });
});
