import fc from "fast-check";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/session-user";
import { checkHealth } from "@/server/services/health";
import { callerFor, createTenantFixture, testDb, type TenantFixture } from "../helpers/fixtures";
import { recordFigure } from "./figures";
import { hostileAnything, inputSchemaOf, polluted, prototypeSnapshot, shapedBy } from "./hostile";

/**
 * Property-based fuzzing of every tRPC procedure of the root router (docs/security.md), through the
 * server-side caller as each role the procedure admits (found by probing; anonymous too for public
 * ones), inside fixture tenants of their own. Each procedure gets FUZZ_RUNS (default 200) inputs:
 * ~9 in 10 shaped by its zod schema with hostile leaves and own `__proto__`/`constructor` keys, the
 * rest wholly malformed. Real ids of the fixture (and of another tenant) are mixed in so calls reach
 * the services. Expected: never INTERNAL_SERVER_ERROR (a 5xx), never anything but a TRPCError, no
 * call hanging, Object.prototype untouched, the database still answering. Malformed bodies over HTTP
 * are in http-fuzz.int.test.ts. Replay a run with FUZZ_SEED=<seed printed below>.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
const CALL_TIMEOUT_MS = 20_000;
const ROLES = ["ADMIN", "EXECUTIVE", "CSM", "TECH_LEAD", "CUSTOMER"] as const;

type ProcedureDef = { type: "query" | "mutation" | "subscription"; inputs: unknown[] };
const defs = (appRouter._def as unknown as { procedures: Record<string, { _def: ProcedureDef }> }).procedures;
const procedures = Object.keys(defs).sort();

let f: TenantFixture;
let other: TenantFixture;
let ids: string[] = [];
let before = "";
const failures: { path: string; input: string; error: string }[] = [];
const outcomes = new Map<string, number>();
let cases = 0;
const fuzzed = new Set<string>();
const startedAt = Date.now();

type Outcome = "ok" | TRPCError["code"];
async function call(user: SessionUser | null, path: string, input: unknown): Promise<Outcome> {
  const caller = callerFor(user) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
  const [ns, name] = path.split(".") as [string, string];
  const fn = caller[ns]?.[name];
  if (!fn) throw new Error(`no procedure ${path}`);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(input),
      new Promise(
        (_, reject) =>
          (timer = setTimeout(() => reject(new Error(`no answer within ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS)),
      ),
    ]);
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") return error.code;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** The callers a procedure admits: every role that gets past the permission check, anonymous if public. */
async function admittedCallers(path: string): Promise<(SessionUser | null)[]> {
  const admitted: (SessionUser | null)[] = [];
  for (const user of [null, ...ROLES.map((r) => f.users[r])]) {
    const outcome = await call(user, path, undefined).catch(() => "error");
    if (outcome !== "UNAUTHORIZED" && outcome !== "FORBIDDEN") admitted.push(user);
  }
  return admitted;
}

function describeInput(input: unknown): string {
  try {
    const text = JSON.stringify(input, (_k, v: unknown) =>
      typeof v === "bigint"
        ? `${v}n`
        : typeof v === "string" && v.length > 80
          ? `${v.slice(0, 40)}…(${v.length} chars)`
          : v,
    );
    return (text ?? String(input)).slice(0, 400);
  } catch {
    return String(input).slice(0, 400);
  }
}

/** The error's kind, code and the end of its message (Prisma puts the reason last, after the call site). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 300);
  const code = (error as { code?: unknown }).code;
  const message = error.message.trim().split("\n").filter(Boolean).at(-1) ?? "";
  return `${error.name}${typeof code === "string" ? ` ${code}` : ""}: ${message.slice(0, 300)}`;
}

beforeAll(async () => {
  before = prototypeSnapshot();
  f = await createTenantFixture("fuzz");
  other = await createTenantFixture("fuzz-other");
  const db = testDb();
  const milestones = await db.milestone.findMany({
    where: { projectId: { in: [f.projectA.id, other.projectA.id] } },
    select: { id: true, criteria: { select: { id: true } } },
  });
  ids = [
    f.tenant.id,
    f.projectA.id,
    f.projectB.id,
    f.accountA.id,
    f.accountB.id,
    f.lead.id,
    f.tenant.slug,
    ...Object.values(f.users).map((u) => u.id),
    ...Object.values(f.notifications),
    other.projectA.id,
    other.lead.id,
    other.users.ADMIN.id,
    other.tenant.slug,
    ...milestones.flatMap((m) => [m.id, ...m.criteria.map((c) => c.id)]),
  ];
  console.info(`fuzz: seed ${SEED}, ${RUNS} runs per procedure, ${procedures.length} procedures`);
});

afterAll(() => {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(0);
  const spread = [...outcomes]
    .sort((x, y) => y[1] - x[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  recordFigure("fuzz", {
    title: "fuzzing (tRPC caller)",
    lines: [
      `${fuzzed.size} procedures × ${RUNS} runs = ${cases} cases in ${seconds} s (seed ${SEED})`,
      `${failures.length} 5xx / non-tRPC errors, prototype pollution: ${polluted().length === 0 && prototypeSnapshot() === before ? "none" : "FOUND"}`,
      `outcomes: ${spread}`,
    ],
    ok: failures.length === 0,
  });
});

describe("fuzzing every procedure", () => {
  it.each(procedures)("%s: hostile inputs never cause a 5xx", { timeout: 600_000 }, async (path) => {
    const def = defs[path]?._def;
    if (!def) throw new Error(`no procedure ${path}`);
    fuzzed.add(path);
    const callers = await admittedCallers(path);
    expect(callers.length, `${path} admits nobody`).toBeGreaterThan(0);
    const schema = inputSchemaOf(def.inputs);
    const input = fc.oneof({ weight: 9, arbitrary: shapedBy(schema, ids) }, { weight: 1, arbitrary: hostileAnything });
    const mine: typeof failures = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...callers), input, async (user, value) => {
        cases += 1;
        try {
          const outcome = await call(user, path, value);
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        } catch (error) {
          const cause = error instanceof TRPCError ? (error.cause ?? error) : error;
          mine.push({ path, input: describeInput(value), error: describeError(cause) });
        }
        return true;
      }),
      { numRuns: RUNS, seed: SEED + procedures.indexOf(path) },
    );
    failures.push(...mine);
    expect(mine.slice(0, 3), `${mine.length} of ${RUNS} inputs failed with a 5xx`).toEqual([]);
  });

  it("leaves Object.prototype and friends untouched, and the database answering", async () => {
    expect(polluted()).toEqual([]);
    expect(prototypeSnapshot()).toBe(before);
    expect(await testDb().$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    expect((await checkHealth()).ok).toBe(true);
  });
});
