import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/v1/evidence/route";
import { MAX_ACTIVE_TOKENS_PER_PROJECT } from "@/server/services/api-tokens";
import { callerFor, createTenantFixture, shapeOf, testDb, type TenantFixture, codeOf } from "../helpers/fixtures";

let f: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  f = await createTenantFixture("evidence");
  other = await createTenantFixture("evidence-other");
  await testDb().project.update({ where: { id: f.projectA.id }, data: { techLeadId: f.users.TECH_LEAD.id } });
});

const GOOD = {
  coverage: 96.5,
  complexity: 8,
  maintainability: 9.1,
  vulnerabilities: { high: 0, critical: 0 },
  benchmarkP95Ms: 280,
  tests: { passed: 412, failed: 0 },
  commitSha: "ABCDEF1234567890",
  buildUrl: "https://ci.example.com/builds/42",
  metrics: { lintWarnings: 3, branch: "main" },
};

function post(token: string | null, body: unknown, headers: Record<string, string> = {}) {
  return POST(
    new Request("http://localhost/api/v1/evidence", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...headers,
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

async function tokenFor(fixture: TenantFixture, projectId: string, name = "GitHub Actions") {
  return callerFor(fixture.users.TECH_LEAD).apiTokens.create({ projectId, name });
}

const countsFor = async (tenantId: string) => ({
  evidence: await testDb().evidence.count({ where: { tenantId } }),
  validations: await testDb().qualityValidation.count({ where: { tenantId } }),
});

describe("API tokens", () => {
  it("returns the plaintext once, stores only its SHA-256 digest, and the list never shows either", async () => {
    const created = await tokenFor(f, f.projectA.id, "Main pipeline");
    expect(created.token).toMatch(/^onw_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const row = await testDb().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(row).toMatchObject({
      scopes: ["evidence:write"],
      createdById: f.users.TECH_LEAD.id,
      projectId: f.projectA.id,
      revokedAt: null,
    });
    expect(JSON.stringify(row)).not.toContain(created.token);

    const list = await callerFor(f.users.CSM).apiTokens.list({ projectId: f.projectA.id });
    const listed = list.find((t) => t.id === created.id);
    expect(listed).toMatchObject({
      name: "Main pipeline",
      prefix: created.prefix,
      createdByName: f.users.TECH_LEAD.name,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(list)).not.toContain(created.token);
    expect(JSON.stringify(list)).not.toContain(row.tokenHash);
    expect(
      await testDb().auditEvent.count({
        where: { tenantId: f.tenant.id, action: "api_token.created", entityId: created.id },
      }),
    ).toBe(1);
  });

  it("revokes once (audited); a second revoke is harmless; another tenant's token or project is not found", async () => {
    const created = await tokenFor(f, f.projectA.id, "To revoke");
    const lead = callerFor(f.users.TECH_LEAD);
    expect((await lead.apiTokens.revoke({ tokenId: created.id })).changed).toBe(true);
    expect((await lead.apiTokens.revoke({ tokenId: created.id })).changed).toBe(false);
    expect(
      await testDb().auditEvent.count({
        where: { tenantId: f.tenant.id, action: "api_token.revoked", entityId: created.id },
      }),
    ).toBe(1);
    const outsider = callerFor(other.users.ADMIN);
    expect(await codeOf(outsider.apiTokens.revoke({ tokenId: created.id }))).toBe("NOT_FOUND");
    expect(await codeOf(outsider.apiTokens.create({ projectId: f.projectA.id, name: "Sneaky" }))).toBe("NOT_FOUND");
    expect(await codeOf(outsider.apiTokens.list({ projectId: f.projectA.id }))).toBe("NOT_FOUND");
    expect(await codeOf(lead.apiTokens.revoke({ tokenId: "no-such-token" }))).toBe("NOT_FOUND");
  });

  it(`allows at most ${MAX_ACTIVE_TOKENS_PER_PROJECT} active tokens per project, with a clear 400`, async () => {
    const project = (
      await testDb().project.create({
        data: {
          tenantId: f.tenant.id,
          customerAccountId: f.accountA.id,
          name: `Token-heavy ${f.tag}`,
          serviceType: "MVP_DEVELOPMENT",
          tierKey: "startup_mvp",
          contractValueCents: 1_000_000,
          startDate: new Date(),
          targetEndDate: new Date(),
        },
      })
    ).id;
    const lead = callerFor(f.users.TECH_LEAD);
    for (let i = 0; i < MAX_ACTIVE_TOKENS_PER_PROJECT; i += 1)
      await lead.apiTokens.create({ projectId: project, name: `Pipeline ${i}` });
    const shape = await shapeOf(
      lead.apiTokens.create({ projectId: project, name: "One too many" }),
      "apiTokens.create",
    );
    expect(shape?.data.code).toBe("BAD_REQUEST");
    expect(shape?.message).toContain("Revoke one");
    expect(await testDb().apiToken.count({ where: { projectId: project, revokedAt: null } })).toBe(
      MAX_ACTIVE_TOKENS_PER_PROJECT,
    );
    // a revoked token frees a slot
    const [first] = await lead.apiTokens.list({ projectId: project });
    if (!first) throw new Error("no token");
    await lead.apiTokens.revoke({ tokenId: first.id });
    expect((await lead.apiTokens.create({ projectId: project, name: "Replacement" })).token).toMatch(/^onw_/);
  });

  it("rejects a blank name with a field error and writes nothing", async () => {
    const before = await testDb().apiToken.count({ where: { tenantId: f.tenant.id } });
    const shape = await shapeOf(
      callerFor(f.users.ADMIN).apiTokens.create({ projectId: f.projectA.id, name: "   " }),
      "apiTokens.create",
    );
    expect(shape?.data.code).toBe("BAD_REQUEST");
    expect(shape?.data.fieldErrors?.name).toBeDefined();
    expect(await testDb().apiToken.count({ where: { tenantId: f.tenant.id } })).toBe(before);
  });
});

/** The JSON answers of POST /api/v1/evidence, as these tests read them. */
type Stored = {
  evidenceId: string;
  projectId: string;
  codeGates: { validationId: string; escalated: boolean; failing: { gate: string }[] };
};
type Refused = { error: string; fieldErrors: Record<string, string> };

describe("POST /api/v1/evidence", () => {
  it("stores the evidence, marks the token used and validates the code gates from it", async () => {
    const { token, id } = await tokenFor(f, f.projectA.id);
    const res = await post(token, GOOD);
    expect(res.status).toBe(201);
    const body = (await res.json()) as Stored;
    expect(body).toMatchObject({
      projectId: f.projectA.id,
      codeGates: { score: 100, gatesPassed: 5, gatesFailed: 0, escalated: false, failing: [] },
    });

    const evidence = await testDb().evidence.findUniqueOrThrow({ where: { id: body.evidenceId } });
    expect(evidence).toMatchObject({
      tenantId: f.tenant.id,
      projectId: f.projectA.id,
      source: "API",
      apiTokenId: id,
      coverage: 96.5,
      vulnerabilitiesHigh: 0,
      vulnerabilitiesCritical: 0,
      testsPassed: 412,
      testsFailed: 0,
      commitSha: "abcdef1234567890",
      buildUrl: GOOD.buildUrl,
      metrics: GOOD.metrics,
    });
    expect((await testDb().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
    const validation = await testDb().qualityValidation.findUniqueOrThrow({
      where: { id: body.codeGates.validationId },
    });
    expect(validation).toMatchObject({
      projectId: f.projectA.id,
      type: "CODE",
      score: 100,
      gatesPassed: 5,
      gatesFailed: 0,
      escalated: false,
    });
    const results = validation.results as {
      gates: { gate: string; source: string }[];
      evidenceId: string;
      trigger: string;
    };
    expect(results).toMatchObject({ evidenceId: evidence.id, trigger: "api" });
    // each gate cites where its number came from (docs/ci-evidence.md#merging-per-commit)
    expect(results.gates.find((g) => g.gate === "minimum_coverage")?.source).toMatch(
      /^from the CI evidence API, commit abcdef1, \w{3} \d{1,2}, \d{4}$/,
    );
  });

  it("lists the received evidence to staff who may read delivery", async () => {
    const list = await callerFor(f.users.EXECUTIVE).evidence.list({ projectId: f.projectA.id });
    expect(list.length).toBeGreaterThan(0);
    expect(list[0]).toMatchObject({ source: "API", apiToken: { name: "GitHub Actions" } });
  });

  it("answers 401 with WWW-Authenticate for a missing, malformed, unknown or revoked token — the last three alike — and writes nothing", async () => {
    const created = await tokenFor(f, f.projectA.id, "Soon revoked");
    await callerFor(f.users.ADMIN).apiTokens.revoke({ tokenId: created.id });
    const before = await countsFor(f.tenant.id);

    const missing = await post(null, GOOD);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);

    const unknownToken = `${created.token.slice(0, -4)}AAAA`;
    const messages = new Set<string>();
    for (const token of ["not-a-token", unknownToken, created.token]) {
      const res = await post(token, GOOD);
      expect(res.status, token).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
      messages.add(((await res.json()) as Refused).error);
    }
    expect(messages.size).toBe(1);
    const basic = await post(null, GOOD, { authorization: `Basic ${Buffer.from("a:b").toString("base64")}` });
    expect(basic.status).toBe(401);
    expect(await countsFor(f.tenant.id)).toEqual(before);
  });

  it("writes only to the token's own project; a body naming another project, or another tenant's, is refused", async () => {
    const tokenB = await tokenFor(f, f.projectB.id, "Project B pipeline");
    const res = await post(tokenB.token, { coverage: 97 });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Stored;
    expect(body.projectId).toBe(f.projectB.id);
    expect((await testDb().evidence.findUniqueOrThrow({ where: { id: body.evidenceId } })).projectId).toBe(
      f.projectB.id,
    );

    const otherToken = await tokenFor(other, other.projectA.id);
    const before = await countsFor(f.tenant.id);
    const beforeOther = await countsFor(other.tenant.id);
    for (const [token, projectId] of [
      [tokenB.token, f.projectA.id],
      [otherToken.token, f.projectA.id],
    ] as const) {
      const refused = await post(token, { coverage: 97, projectId });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as Refused).fieldErrors).toHaveProperty("projectId");
    }
    expect(await countsFor(f.tenant.id)).toEqual(before);
    expect(await countsFor(other.tenant.id)).toEqual(beforeOther);
    // naming its own project is fine
    expect((await post(otherToken.token, { coverage: 97, projectId: other.projectA.id })).status).toBe(201);
    expect(
      await testDb().evidence.count({ where: { tenantId: other.tenant.id, projectId: { not: other.projectA.id } } }),
    ).toBe(0);
  });

  it.each([
    ["coverage above 100", { coverage: 150 }, "coverage"],
    ["negative complexity", { complexity: -1 }, "complexity"],
    ["maintainability above 10", { maintainability: 11 }, "maintainability"],
    ["fractional vulnerabilities", { vulnerabilities: { high: 1.5 } }, "vulnerabilities.high"],
    ["negative vulnerabilities", { vulnerabilities: { critical: -2 } }, "vulnerabilities.critical"],
    ["zero p95", { benchmarkP95Ms: 0 }, "benchmarkP95Ms"],
    ["tests without failed", { tests: { passed: 3 } }, "tests.failed"],
    ["a short commit sha", { coverage: 90, commitSha: "abc12" }, "commitSha"],
    ["a non-hex commit sha", { coverage: 90, commitSha: "zzzzzzzz" }, "commitSha"],
    ["an ftp build URL", { coverage: 90, buildUrl: "ftp://ci.example.com/1" }, "buildUrl"],
    ["a 3k build URL", { coverage: 90, buildUrl: `https://ci.example.com/${"a".repeat(3000)}` }, "buildUrl"],
    ["an unknown field", { coverge: 90 }, "input"],
    ["no metric at all", { commitSha: "abcdef1" }, "input"],
    ["an empty object", {}, "input"],
    [
      "too many extra metrics",
      { coverage: 90, metrics: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`m${i}`, i])) },
      "metrics",
    ],
    ["a nested extra metric", { coverage: 90, metrics: { nested: { a: 1 } } }, "metrics.nested"],
    ["an array body", [1, 2], "input"],
    ["a string as coverage", { coverage: "96" }, "coverage"],
  ])("answers 400 with field errors for %s and writes nothing", async (_label, payload, field) => {
    const { token } = await tokenFor(f, f.projectA.id, "Malformed");
    const before = await countsFor(f.tenant.id);
    const res = await post(token, payload);
    expect(res.status).toBe(400);
    const body = (await res.json()) as Refused;
    expect(typeof body.error).toBe("string");
    expect(Object.keys(body.fieldErrors)).toContain(field);
    expect(await countsFor(f.tenant.id)).toEqual(before);
    await callerFor(f.users.ADMIN).apiTokens.revoke({
      tokenId: (
        await testDb().apiToken.findFirstOrThrow({
          where: { tokenHash: createHash("sha256").update(token).digest("hex") },
        })
      ).id,
    });
  });

  it("answers 400 for a body that is not JSON, 413 for one over 64 KB, and 405 for GET", async () => {
    const { token } = await tokenFor(f, f.projectA.id, "Edge cases");
    const before = await countsFor(f.tenant.id);
    const notJson = await post(token, "coverage=95");
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as Refused).fieldErrors).toEqual({ input: "Not valid JSON" });
    const huge = await post(token, JSON.stringify({ coverage: 90, metrics: { note: "x".repeat(70 * 1024) } }));
    expect(huge.status).toBe(413);
    // no Content-Length to trust: the streamed body is still cut off at the limit
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i += 1) controller.enqueue(new TextEncoder().encode("x".repeat(4096)));
        controller.close();
      },
    });
    const chunked = await POST(
      new Request("http://localhost/api/v1/evidence", {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(chunked.status).toBe(413);
    expect(await countsFor(f.tenant.id)).toEqual(before);
    const get = GET();
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  // the per-token limit (429 + Retry-After) is in tests/security/rate-limits.int.test.ts

  it("escalates failing evidence: an alert, a QUALITY action for the technical lead and a notification — once while the alert is open", async () => {
    const { token } = await tokenFor(f, f.projectA.id, "Failing pipeline");
    const failing = {
      coverage: 61,
      complexity: 25,
      maintainability: 6,
      vulnerabilities: { high: 1, critical: 2 },
      benchmarkP95Ms: 900,
      commitSha: "deadbeef",
    };
    const res = await post(token, failing);
    expect(res.status).toBe(201);
    const body = (await res.json()) as Stored;
    expect(body.codeGates).toMatchObject({ score: 0, gatesFailed: 5, escalated: true });
    expect(body.codeGates.failing.map((g: { gate: string }) => g.gate)).toContain("security_vulnerability_threshold");

    const alerts = await testDb().alert.findMany({
      where: { projectId: f.projectA.id, kind: "QUALITY_ESCALATION_CODE" },
    });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      severity: "HIGH",
      resolvedAt: null,
      customerAccountId: f.accountA.id,
      link: `/projects/${f.projectA.id}`,
    });
    const actions = await testDb().actionItem.findMany({ where: { projectId: f.projectA.id, kind: "QUALITY" } });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ assigneeId: f.users.TECH_LEAD.id, status: "OPEN" });
    // due within the tenant's escalation-resolution time (24 h by default)
    expect((actions[0]?.dueAt?.getTime() ?? 0) - (actions[0]?.createdAt.getTime() ?? 0)).toBe(24 * 3_600_000);
    const notes = await testDb().notification.findMany({
      where: { userId: f.users.TECH_LEAD.id, title: { startsWith: "Quality escalation" } },
    });
    expect(notes).toHaveLength(1);

    // a second failing build while the alert is open: stored as escalated, no second alert, action or notification
    const again = await post(token, failing);
    expect(((await again.json()) as Stored).codeGates.escalated).toBe(true);
    expect(await testDb().alert.count({ where: { projectId: f.projectA.id, kind: "QUALITY_ESCALATION_CODE" } })).toBe(
      1,
    );
    expect(await testDb().actionItem.count({ where: { projectId: f.projectA.id, kind: "QUALITY" } })).toBe(1);
    expect(
      await testDb().notification.count({
        where: { userId: f.users.TECH_LEAD.id, title: { startsWith: "Quality escalation" } },
      }),
    ).toBe(1);
  });
});
