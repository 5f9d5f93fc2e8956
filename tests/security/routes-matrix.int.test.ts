import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { API_KEY_SCOPES } from "@/lib/schemas/api-keys";
import type { SessionUser } from "@/server/auth/session-user";
import { listMigrations } from "@/server/db/migrate";
import { unsubscribeToken } from "@/server/messaging/unsubscribe";
import {
  ALL_FULL_ANSWERS,
  SAMPLE_REQUEST,
  callerFor,
  createLeadFor,
  createTenantFixture,
  journeyFor,
  succeededGuaranteeOf,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";
import { recordFigure } from "./figures";

/**
 * Authorization matrix for every route handler under app/api (docs/architecture.md#access-checks): each route and method ×
 * 17 callers — anonymous, every role of tenant A (signed in), an admin and a customer of tenant B, a
 * customer of another account of tenant A, project API tokens of A and B, tenant API keys of A and B,
 * a revoked token, a malformed bearer, the cron secret and a wrong one. A route file without an entry
 * here, or an entry whose methods differ from the file's exports, fails the suite.
 *
 * Every route under /api/cron/ gets one rule — the cron secret and nothing else — so a new cron route
 * is covered the day it lands.
 *
 * The signed-in user reaches route handlers through currentUser(), mocked here to the cell's user (the
 * cookie → session-row path is tested in session-cookies.int.test.ts). Jobs run through runJob are
 * stubbed: the gate is what is under test (tests/integration/cron.int.test.ts runs the jobs); cron
 * routes that call their service directly run it once, with the secret.
 */
const cell = vi.hoisted(() => {
  process.env.CRON_SECRET = "routes-matrix-cron-secret-0123456789";
  return { user: null as SessionUser | null };
});
vi.mock("@/server/auth/current-user", () => ({
  currentUser: () => cell.user,
  loadSessionUser: () => cell.user,
}));
vi.mock("@/server/jobs/runner", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/jobs/runner")>()),
  runJob: (_db: unknown, def: { name: string }) => ({ job: def.name, periodKey: "matrix", status: "ran" }),
}));

const ROLES = ["ADMIN", "EXECUTIVE", "CSM", "TECH_LEAD", "CUSTOMER"] as const;
const CALLERS = [
  "anonymous",
  ...ROLES,
  "otherTenantAdmin",
  "otherTenantCustomer",
  "otherAccountCustomer",
  "projectToken",
  "otherTenantProjectToken",
  "tenantKey",
  "otherTenantKey",
  "revokedToken",
  "malformedBearer",
  "cronSecret",
  "wrongCronSecret",
] as const;
type Caller = (typeof CALLERS)[number];
type Credentials = { user: SessionUser | null; bearer: string | null };

type MethodRequest = { url: string; init?: RequestInit; params?: Record<string, string> };
type MethodSpec = {
  request: () => MethodRequest | Promise<MethodRequest>;
  /** expected status per caller; callers not listed get `otherwise` */
  expect: Partial<Record<Caller, number>>;
  otherwise: number;
  /** extra checks on an answer (e.g. another tenant's export holds none of tenant A's rows) */
  check?: (caller: Caller, res: Response) => void | Promise<void>;
};
type RouteEntry = { auth: string; methods: Partial<Record<"GET" | "POST", MethodSpec>> };

let a: TenantFixture;
let b: TenantFixture;
let matrixAlert: Promise<unknown> | undefined;
let logoOnce: Promise<unknown> | undefined;
/** tenant A customer's calendar feed, created once */
let feedOnce: Promise<{ httpsUrl: string }> | undefined;
/** tenant A's logo, uploaded once by its admin (the route is public, so every caller reads it) */
const matrixLogo = () =>
  (logoOnce ??= callerFor(a.users.ADMIN).branding.uploadLogo({
    contentType: "image/svg+xml",
    dataBase64: Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>',
    ).toString("base64"),
  }));
let creds: Record<Caller, Credentials>;
/** an unsubscribe link of tenant A's technical lead, as their digest carries it */
const matrixUnsubscribeToken = () =>
  unsubscribeToken(process.env.AUTH_SECRET ?? "", {
    tenantId: a.tenant.id,
    userId: a.users.TECH_LEAD.id,
    kind: "digest",
  });
const SECRET = process.env.CRON_SECRET ?? "";
const json = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
const STAFF_200 = { ADMIN: 200, EXECUTIVE: 200, CSM: 200, TECH_LEAD: 200 } as const;
const allCallers = (status: number) => Object.fromEntries(CALLERS.map((c) => [c, status])) as Record<Caller, number>;
const CRON: MethodSpec = {
  request: () => ({ url: "http://localhost/api/cron/x" }),
  expect: { cronSecret: 200 },
  otherwise: 401,
};
const cronRoute: RouteEntry = {
  auth: "Bearer CRON_SECRET",
  methods: {
    GET: CRON,
    POST: { ...CRON, request: () => ({ url: "http://localhost/api/cron/x", init: { method: "POST" } }) },
  },
};

function importSpec(kind: "leads" | "accounts"): MethodSpec {
  return {
    request: () => {
      const form = new FormData();
      form.set(
        "file",
        new File([`Company,Email,Name\nMatrix Co ${kind},matrix@${kind}.example,Matrix Person\n`], `${kind}.csv`, {
          type: "text/csv",
        }),
      );
      return { url: `http://localhost/api/import/${kind}`, init: { method: "POST", body: form } };
    },
    expect: {
      ADMIN: 200,
      EXECUTIVE: 403,
      CSM: 200,
      TECH_LEAD: 403,
      CUSTOMER: 403,
      otherTenantAdmin: 200,
      otherTenantCustomer: 403,
      otherAccountCustomer: 403,
    },
    otherwise: 401,
    check: async (c, res) => {
      if (res.status === 200) expect(await res.json()).toMatchObject({ dryRun: true, rowCount: 1 });
    },
  };
}

const ROUTES: Record<string, RouteEntry> = {
  "/api/health": {
    auth: "public (up/down and migration name only)",
    methods: {
      GET: {
        request: () => ({ url: "http://localhost/api/health" }),
        expect: allCallers(200),
        otherwise: 200,
        check: async (_c, res) => {
          const newest = listMigrations(path.resolve(import.meta.dirname, "..", "..", "prisma", "migrations")).at(
            -1,
          )?.name;
          expect(await res.json()).toEqual({ ok: true, database: "up", migration: newest });
        },
      },
    },
  },
  "/api/auth/[...nextauth]": {
    auth: "Auth.js (its own CSRF token; see session-cookies.int.test.ts)",
    methods: {
      GET: {
        request: () => ({ url: "http://localhost:3000/api/auth/session" }),
        expect: allCallers(200),
        otherwise: 200,
        check: async (_c, res) => expect(await res.json()).toBeNull(),
      },
      // a POST without Auth.js's CSRF token signs nobody in, whoever sends it
      POST: {
        request: () => ({
          url: "http://localhost:3000/api/auth/callback/credentials",
          init: {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: `email=${encodeURIComponent(a.users.CSM.email)}&password=x`,
          },
        }),
        expect: allCallers(302),
        otherwise: 302,
        check: (_c, res) => expect(res.headers.get("location")).toMatch(/error=MissingCSRF/),
      },
    },
  },
  // docs/security.md#single-sign-on: the state cookie, the pending attempt and the provider's signed answer are the
  // credential; without them every caller lands on the login page with the reason, and no session is made
  "/api/sso/callback": {
    auth: "public; the single sign-on state cookie and the identity provider's signed answer",
    methods: {
      GET: {
        request: () => ({ url: "http://localhost:3000/api/sso/callback?code=forged&state=forged" }),
        expect: allCallers(303),
        otherwise: 303,
        check: (_c, res) => {
          expect(res.headers.get("location")).toBe("/login?mode=sso&sso_error=state");
          expect(res.headers.get("set-cookie") ?? "").not.toMatch(/authjs\.session-token=[^;]/);
        },
      },
    },
  },
  "/api/trpc/[trpc]": {
    auth: "session; per procedure in tests/integration/authorization-matrix.int.test.ts",
    methods: {
      GET: {
        request: () => ({
          url: `http://localhost/api/trpc/users.list?input=${encodeURIComponent(JSON.stringify({ json: { page: 1, pageSize: 5 } }))}`,
        }),
        expect: {
          ADMIN: 200,
          EXECUTIVE: 403,
          CSM: 403,
          TECH_LEAD: 403,
          CUSTOMER: 403,
          otherTenantAdmin: 200,
          otherTenantCustomer: 403,
          otherAccountCustomer: 403,
        },
        otherwise: 401,
        check: async (c, res) => {
          if (c === "otherTenantAdmin") expect(await res.text()).not.toContain(a.users.CSM.email);
        },
      },
      POST: {
        request: () => ({
          url: "http://localhost/api/trpc/users.setDisabled",
          init: json({ json: { userId: a.users.TECH_LEAD.id, disabled: false } }),
        }),
        expect: {
          ADMIN: 200,
          EXECUTIVE: 403,
          CSM: 403,
          TECH_LEAD: 403,
          CUSTOMER: 403,
          otherTenantAdmin: 404,
          otherTenantCustomer: 403,
          otherAccountCustomer: 403,
        },
        otherwise: 401,
      },
    },
  },
  "/api/alerts/export": {
    auth: "session, alerts:read",
    methods: {
      GET: {
        request: async () => {
          await (matrixAlert ??= testDb().alert.create({
            data: {
              tenantId: a.tenant.id,
              projectId: a.projectA.id,
              severity: "HIGH",
              kind: "PROJECT_OFF_TRACK",
              message: "Routes matrix alert",
            },
          }));
          return { url: "http://localhost/api/alerts/export?status=all" };
        },
        expect: {
          ...STAFF_200,
          CUSTOMER: 403,
          otherTenantAdmin: 200,
          otherTenantCustomer: 403,
          otherAccountCustomer: 403,
        },
        otherwise: 401,
        check: async (c, res) => {
          const csv = await res.text();
          if (c === "otherTenantAdmin") expect(csv, "another tenant's export").not.toContain("Routes matrix alert");
          if (c === "ADMIN") expect(csv).toContain("Routes matrix alert");
        },
      },
    },
  },
  "/api/leads/export": {
    auth: "session, pipeline:read",
    methods: {
      GET: {
        request: () => ({ url: "http://localhost/api/leads/export" }),
        expect: {
          ADMIN: 200,
          EXECUTIVE: 200,
          CSM: 200,
          TECH_LEAD: 403,
          CUSTOMER: 403,
          otherTenantAdmin: 200,
          otherTenantCustomer: 403,
          otherAccountCustomer: 403,
        },
        otherwise: 401,
        check: async (c, res) => {
          const csv = await res.text();
          if (c === "otherTenantAdmin") expect(csv, "another tenant's export").not.toContain(a.lead.company);
          if (c === "ADMIN") expect(csv).toContain(a.lead.company);
        },
      },
    },
  },
  // CSV import (docs/import.md): a dry run here, so the matrix writes nothing; tenant B's admin previews into B
  "/api/import/leads": { auth: "session, leads:write; same-origin POST", methods: { POST: importSpec("leads") } },
  "/api/import/accounts": {
    auth: "session, accounts:write; same-origin POST",
    methods: { POST: importSpec("accounts") },
  },
  "/api/portal/certificate/[milestoneId]": {
    auth: "session; customer of the account or staff with delivery:read",
    methods: {
      GET: {
        request: async () => {
          const week = await testDb().milestone.findFirstOrThrow({
            where: { projectId: a.projectA.id, weekNumber: 1 },
            select: { id: true },
          });
          return { url: `http://localhost/api/portal/certificate/${week.id}`, params: { milestoneId: week.id } };
        },
        expect: {
          ...STAFF_200,
          CUSTOMER: 200,
          otherTenantAdmin: 404,
          otherTenantCustomer: 404,
          otherAccountCustomer: 404,
        },
        otherwise: 401,
      },
    },
  },
  "/api/branding/logo/[tenantId]": {
    auth: "public (a tenant's logo appears in its emails)",
    methods: {
      GET: {
        request: async () => {
          await matrixLogo();
          return { url: `http://localhost/api/branding/logo/${a.tenant.id}`, params: { tenantId: a.tenant.id } };
        },
        expect: allCallers(200),
        otherwise: 200,
        check: (_c, res) => {
          expect(res.headers.get("content-type")).toBe("image/svg+xml");
          expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
        },
      },
    },
  },
  "/calendar/[file]": {
    auth: "the feed token in the path (hashed at rest, revocable); no session",
    methods: {
      GET: {
        request: async () => {
          const { httpsUrl } = await (feedOnce ??= callerFor(a.users.CUSTOMER).calendar.createFeed());
          const file = httpsUrl.split("/").at(-1) ?? "";
          return { url: `http://localhost/calendar/${file}`, params: { file } };
        },
        // whoever holds the address reads it, like any calendar subscription; without it, 404
        expect: allCallers(200),
        otherwise: 200,
        check: (_c, res) => expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8"),
      },
    },
  },
  // docs/messaging.md#headers: the signed token is the credential, whoever sends it (a mailbox provider has no session)
  "/api/unsubscribe/[token]": {
    auth: "public; the signed token in the URL (HMAC of AUTH_SECRET) names the person and the kind of mail",
    methods: {
      GET: {
        request: () => {
          const token = matrixUnsubscribeToken();
          return { url: `http://localhost/api/unsubscribe/${token}`, params: { token } };
        },
        expect: allCallers(303),
        otherwise: 303,
        check: (_c, res) => expect(res.headers.get("location")).toMatch(/\/unsubscribe\/[^/]+$/),
      },
      POST: {
        request: () => {
          const token = matrixUnsubscribeToken();
          return {
            url: `http://localhost/api/unsubscribe/${token}`,
            params: { token },
            init: {
              method: "POST",
              headers: { "content-type": "application/x-www-form-urlencoded" },
              body: "List-Unsubscribe=One-Click",
            },
          };
        },
        expect: allCallers(200),
        otherwise: 200,
        check: async (_c, res) => expect(await res.json()).toEqual({ unsubscribed: true, kind: "progress digest" }),
      },
    },
  },
  "/api/dossier/[projectId]": {
    auth: "session; customer of the account or staff with delivery:read",
    methods: {
      GET: {
        request: async () => {
          const { projectId } = await succeededGuaranteeOf(a);
          return { url: `http://localhost/api/dossier/${projectId}`, params: { projectId } };
        },
        expect: {
          ...STAFF_200,
          CUSTOMER: 200,
          otherTenantAdmin: 404,
          otherTenantCustomer: 404,
          otherAccountCustomer: 404,
        },
        otherwise: 401,
      },
    },
  },
  "/api/v1/evidence": {
    auth: "Bearer project API token (evidence:write); no cookies",
    methods: {
      POST: {
        request: () => ({
          url: "http://localhost/api/v1/evidence",
          init: json({ coverage: 91, tests: { passed: 10, failed: 0 } }),
        }),
        expect: { projectToken: 201, otherTenantProjectToken: 201 },
        otherwise: 401,
        check: async (c, res) => {
          if (c !== "otherTenantProjectToken") return;
          // B's token writes to B's own project only
          const { projectId } = (await res.json()) as { projectId?: string };
          expect(projectId === undefined || projectId === b.projectA.id).toBe(true);
        },
      },
      GET: { request: () => ({ url: "http://localhost/api/v1/evidence" }), expect: {}, otherwise: 405 },
    },
  },
  "/api/v1/evidence/cli.mjs": {
    auth: "public (the CI script holds no secret; the token comes from the CI's environment)",
    methods: {
      GET: {
        request: () => ({ url: "http://localhost/api/v1/evidence/cli.mjs" }),
        expect: allCallers(200),
        otherwise: 200,
        check: async (_c, res) => {
          expect(res.headers.get("content-type")).toContain("text/javascript");
          expect(await res.text()).toContain("export const VERSION");
        },
      },
    },
  },
  "/api/v1/customer-journey/initiate": {
    auth: "Bearer tenant API key (journeys:write); no cookies",
    methods: {
      POST: {
        request: async () => ({
          url: "http://localhost/api/v1/customer-journey/initiate",
          init: json({ leadId: (await createLeadFor(a)).id, answers: ALL_FULL_ANSWERS, request: SAMPLE_REQUEST }),
        }),
        expect: { tenantKey: 200, otherTenantKey: 404 },
        otherwise: 401,
      },
      GET: {
        request: () => ({ url: "http://localhost/api/v1/customer-journey/initiate" }),
        expect: {},
        otherwise: 405,
      },
    },
  },
  "/api/v1/customer-journey/[id]/status": {
    auth: "Bearer tenant API key (journeys:write); no cookies",
    methods: {
      GET: {
        request: async () => {
          const id = await journeyFor(a);
          return { url: `http://localhost/api/v1/customer-journey/${id}/status`, params: { id } };
        },
        expect: { tenantKey: 200, otherTenantKey: 404 },
        otherwise: 401,
      },
    },
  },
};

// the integration REST API (docs/api.md): a workspace key with the scope; another workspace's ids are 404
const KEY_ONLY = "Bearer tenant API key with the operation's scope (docs/api.md#scopes); no cookies";
const keyRoute = (
  url: () => string | Promise<string>,
  expect: Partial<Record<Caller, number>>,
  params?: () => Record<string, string> | Promise<Record<string, string>>,
): MethodSpec => ({
  request: async () => ({ url: await url(), params: params ? await params() : undefined }),
  expect,
  otherwise: 401,
});
const OWN_LIST = { tenantKey: 200, otherTenantKey: 200 } as const;
const OWN_ITEM = { tenantKey: 200, otherTenantKey: 404 } as const;
const noneOfA = (what: () => string) => async (c: Caller, res: Response) => {
  if (c === "otherTenantKey") expect(await res.text(), "another workspace's list").not.toContain(what());
};
Object.assign(ROUTES, {
  "/api/v1/openapi.json": {
    auth: "public (the API's description)",
    methods: {
      GET: {
        request: () => ({ url: "http://localhost/api/v1/openapi.json" }),
        expect: allCallers(200),
        otherwise: 200,
      },
    },
  },
  "/api/v1/leads": {
    auth: `${KEY_ONLY}: leads:read to list, leads:write to create`,
    methods: {
      GET: { ...keyRoute(() => "http://localhost/api/v1/leads?limit=100", OWN_LIST), check: noneOfA(() => a.lead.id) },
      POST: {
        request: () => ({
          url: "http://localhost/api/v1/leads",
          init: json({ company: "Matrix Co", contactName: "Max Matrix", contactEmail: "max@matrix.example" }),
        }),
        expect: { tenantKey: 201, otherTenantKey: 201 },
        otherwise: 401,
      },
    },
  },
  "/api/v1/leads/[id]": {
    auth: `${KEY_ONLY}: leads:read`,
    methods: {
      GET: keyRoute(
        () => `http://localhost/api/v1/leads/${a.lead.id}`,
        OWN_ITEM,
        () => ({ id: a.lead.id }),
      ),
    },
  },
  "/api/v1/leads/[id]/stage": {
    auth: `${KEY_ONLY}: leads:write`,
    methods: {
      POST: {
        request: async () => {
          const { id } = await createLeadFor(a);
          return {
            url: `http://localhost/api/v1/leads/${id}/stage`,
            init: json({ stage: "QUALIFYING" }),
            params: { id },
          };
        },
        expect: OWN_ITEM,
        otherwise: 401,
      },
    },
  },
  "/api/v1/qualification-criteria": {
    auth: `${KEY_ONLY}: leads:read`,
    methods: { GET: keyRoute(() => "http://localhost/api/v1/qualification-criteria", OWN_LIST) },
  },
  "/api/v1/projects": {
    auth: `${KEY_ONLY}: projects:read`,
    methods: {
      GET: {
        ...keyRoute(() => "http://localhost/api/v1/projects?limit=100", OWN_LIST),
        check: noneOfA(() => a.projectA.id),
      },
    },
  },
  "/api/v1/projects/[id]": {
    auth: `${KEY_ONLY}: projects:read`,
    methods: {
      GET: keyRoute(
        () => `http://localhost/api/v1/projects/${a.projectA.id}`,
        OWN_ITEM,
        () => ({ id: a.projectA.id }),
      ),
    },
  },
} satisfies Record<string, RouteEntry>);

const appDir = path.resolve(import.meta.dirname, "..", "..", "app");
function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" || e.name === "route.tsx" ? [full] : [];
  });
}
/** app/(group)/api/x/[id]/route.ts → /api/x/[id] */
const routePath = (file: string) =>
  `/${path
    .relative(appDir, path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s))
    .join("/")}`;
const FILES = new Map(routeFiles(appDir).map((f) => [routePath(f), f]));
// every cron route, present and future, has the same rule: the cron secret and nothing else
for (const route of FILES.keys()) if (route.startsWith("/api/cron/")) ROUTES[route] = cronRoute;
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

let cells = 0;
let unexpectedAllows = 0;

beforeAll(async () => {
  a = await createTenantFixture("routes-a");
  b = await createTenantFixture("routes-b");
  const projectToken = async (f: TenantFixture) =>
    (await callerFor(f.users.TECH_LEAD).apiTokens.create({ projectId: f.projectA.id, name: "Routes matrix" })).token;
  const tenantKey = async (f: TenantFixture) =>
    (await callerFor(f.users.ADMIN).apiKeys.create({ name: "Routes matrix", scopes: [...API_KEY_SCOPES] })).token;
  const revoked = await callerFor(a.users.TECH_LEAD).apiTokens.create({ projectId: a.projectA.id, name: "Revoked" });
  await callerFor(a.users.TECH_LEAD).apiTokens.revoke({ tokenId: revoked.id });
  const session = (user: SessionUser): Credentials => ({ user, bearer: null });
  const bearer = (token: string): Credentials => ({ user: null, bearer: token });
  creds = {
    anonymous: { user: null, bearer: null },
    ADMIN: session(a.users.ADMIN),
    EXECUTIVE: session(a.users.EXECUTIVE),
    CSM: session(a.users.CSM),
    TECH_LEAD: session(a.users.TECH_LEAD),
    CUSTOMER: session(a.users.CUSTOMER),
    otherTenantAdmin: session(b.users.ADMIN),
    otherTenantCustomer: session(b.users.CUSTOMER),
    otherAccountCustomer: session(a.otherAccountCustomer),
    projectToken: bearer(await projectToken(a)),
    otherTenantProjectToken: bearer(await projectToken(b)),
    tenantKey: bearer(await tenantKey(a)),
    otherTenantKey: bearer(await tenantKey(b)),
    revokedToken: bearer(revoked.token),
    malformedBearer: bearer("onw_' OR 1=1 --"),
    cronSecret: bearer(SECRET),
    wrongCronSecret: bearer(`${SECRET.slice(0, -1)}x`),
  };
});

describe("route authorization matrix", () => {
  it("has an entry for every route file under app/, with exactly the methods the file exports", async () => {
    const missing = [...FILES.keys()].filter((p) => !(p in ROUTES));
    const stale = Object.keys(ROUTES).filter((p) => !FILES.has(p));
    expect(missing, "routes without an authorization entry").toEqual([]);
    expect(stale, "entries for routes that no longer exist").toEqual([]);
    for (const [route, file] of FILES) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const exported = HTTP_METHODS.filter((m) => typeof mod[m] === "function");
      expect(exported.sort(), `${route} exports`).toEqual(Object.keys(ROUTES[route]?.methods ?? {}).sort());
    }
  });

  it("the bearer-token routes never look at the session cookie (so they need no CSRF defence)", async () => {
    const { readFileSync } = await import("node:fs");
    const root = path.resolve(appDir, "..");
    const sources = [...FILES]
      .filter(([p]) => p.startsWith("/api/v1/") || p.startsWith("/api/cron/"))
      .map(([, f]) => f)
      .concat(
        ["server/http/with-token.ts", "server/http/rest.ts", "server/jobs/cron-http.ts"].map((f) => path.join(root, f)),
      );
    for (const file of sources)
      expect(readFileSync(file, "utf8"), file).not.toMatch(/current-user|auth\/config|next\/headers|cookies\(/);
  });

  const rows = Object.entries(ROUTES).flatMap(([route, entry]) =>
    Object.keys(entry.methods).map((m) => [route, m] as const),
  );
  it.each(rows)("%s %s answers every caller as expected", async (route, method) => {
    const file = FILES.get(route);
    const spec = ROUTES[route]?.methods[method as "GET" | "POST"];
    if (!file || !spec) throw new Error(`no route ${route} ${method}`);
    const handler = (
      (await import(/* @vite-ignore */ file)) as Record<
        string,
        (r: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>
      >
    )[method];
    if (!handler) throw new Error(`${route} exports no ${method}`);
    const { NextRequest } = await import("next/server");
    // Auth.js logs each refused CSRF check to console.error; those refusals are the expected answer here
    if (route.startsWith("/api/auth/")) vi.spyOn(console, "error").mockImplementation(() => undefined);
    for (const caller of CALLERS) {
      const { url, init = {}, params = {} } = await spec.request();
      const { user, bearer } = creds[caller];
      cell.user = user;
      const headers = new Headers(init.headers);
      if (bearer) headers.set("authorization", `Bearer ${bearer}`);
      const res = await handler(
        new NextRequest(url, { ...init, method, headers } as ConstructorParameters<typeof NextRequest>[1]),
        { params: Promise.resolve(params) },
      );
      const expected = spec.expect[caller] ?? spec.otherwise;
      cells += 1;
      if (res.status !== expected && res.status < 300 && expected >= 400) unexpectedAllows += 1;
      expect(res.status, `${route} ${method} as ${caller}`).toBe(expected);
      await spec.check?.(caller, res);
    }
    vi.restoreAllMocks();
  });

  it("reports how many cells were checked", () => {
    expect(cells).toBe(rows.length * CALLERS.length);
    expect(unexpectedAllows).toBe(0);
    recordFigure("routes-matrix", {
      title: "route authorization matrix",
      lines: [
        `${FILES.size} route files, ${rows.length} route×method rows × ${CALLERS.length} callers = ${cells} cells, ${unexpectedAllows} unexpected allows`,
      ],
      ok: unexpectedAllows === 0,
    });
  });
});
