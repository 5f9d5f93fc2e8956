import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/evidence/route";
import { callerFor, createTenantFixture, testDb, type TenantFixture } from "../helpers/fixtures";

/**
 * POST /api/v1/evidence with report files (docs/ci-evidence.md#report-files): formats read from content,
 * per-commit merge with provenance, concurrent posts, older commits, gzip, limits and refusals.
 */
let f: TenantFixture;
let token: string;

const REPORTS = path.join(import.meta.dirname, "../fixtures/reports");
const read = (name: string) => readFileSync(path.join(REPORTS, name));
let seq = 0;
/** A fresh commit hash per test, so tests do not merge into each other. */
const sha = () => `${(0xabc000 + (seq += 1)).toString(16)}0000000000000000000000000000000000`.slice(0, 40);

type Part = [name: string, content: string | Uint8Array, file?: string];
function form(fields: Record<string, string>, files: Part[]) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  for (const [name, content, file] of files)
    body.append(
      name,
      new Blob([typeof content === "string" ? content : new Uint8Array(content)]),
      file ?? `${name}.txt`,
    );
  return body;
}
function post(body: BodyInit, headers: Record<string, string> = {}, bearer = token) {
  return POST(
    new Request("http://localhost/api/v1/evidence", {
      method: "POST",
      headers: { authorization: `Bearer ${bearer}`, ...headers },
      body,
    }),
  );
}
async function encoded(body: FormData) {
  const req = new Request("http://localhost", { method: "POST", body });
  return { bytes: new Uint8Array(await req.arrayBuffer()), type: req.headers.get("content-type") ?? "" };
}

type Gate = { gate: string; status: string; actual: number | null; source: string; reason: string };
type Answer = {
  evidenceId: string;
  current: boolean;
  currentCommit?: string;
  merged: { metrics: Record<string, number>; provenance: Record<string, { file: string; job: string; tool: string }> };
  files: { part: string; file: string; tool: string; format: string; notes: string[] }[];
  codeGates: {
    validationId: string | null;
    gatesPassed: number;
    gatesFailed: number;
    gatesNoData: number;
    gates: Gate[];
  };
  error?: string;
  fieldErrors?: Record<string, string>;
};
const answer = async (res: Response) => (await res.json()) as Answer;
const gate = (a: Answer, key: string) => a.codeGates.gates.find((g) => g.gate === key);
const stored = async () => ({
  evidence: await testDb().evidence.count({ where: { tenantId: f.tenant.id } }),
  posts: await testDb().evidencePost.count({ where: { tenantId: f.tenant.id } }),
  validations: await testDb().qualityValidation.count({ where: { tenantId: f.tenant.id } }),
});

beforeAll(async () => {
  f = await createTenantFixture("evidence-upload");
  ({ token } = await callerFor(f.users.TECH_LEAD).apiTokens.create({ projectId: f.projectA.id, name: "CI" }));
});

describe("report files", () => {
  it("reads each part's format from its content and cites the file, tool, job and commit in every gate", async () => {
    const commit = sha();
    const res = await post(
      form({ commit, job: "test", branch: "main", buildUrl: "https://ci.example.com/runs/7" }, [
        ["coverage", read("vitest-cobertura-coverage.xml"), "coverage.txt"], // the name says nothing
        ["tests", read("vitest-junit.xml"), "junit.xml"],
        ["sarif", read("eslint.sarif"), "eslint.sarif"],
        ["audit", read("npm-audit.json"), "audit.json"],
        ["performance", read("autocannon.json"), "bench.json"],
      ]),
    );
    expect(res.status).toBe(201);
    const a = await answer(res);
    expect(a.files.map((x) => [x.part, x.format])).toEqual([
      ["coverage", "Cobertura XML"],
      ["tests", "JUnit XML"],
      ["sarif", "SARIF 2.1.0"],
      ["audit", "npm audit JSON"],
      ["performance", "autocannon JSON"],
    ]);
    expect(a.merged.metrics).toMatchObject({
      coverage: 77.78,
      complexity: 5,
      vulnerabilitiesHigh: 1,
      vulnerabilitiesCritical: 0,
      testsPassed: 6,
      testsFailed: 0,
    });
    expect(gate(a, "minimum_coverage")).toMatchObject({ status: "failed", actual: 77.78 });
    expect(gate(a, "minimum_coverage")?.source).toMatch(
      new RegExp(
        `^from Cobertura XML from Cobertura \\(coverage\\.txt\\) in job “test”, commit ${commit.slice(0, 7)}, `,
      ),
    );
    // maintainability: no report gave it — skipped, not failed (docs/quality-gates.md#no-data)
    expect(gate(a, "minimum_maintainability")).toMatchObject({ status: "no_data", actual: null });
    expect(gate(a, "minimum_maintainability")?.source).toBe(
      `no data — no report for commit ${commit.slice(0, 7)} gave maintainability`,
    );
    // autocannon has no p95: the stored evidence says which percentile stood for it
    expect(gate(a, "performance_benchmark_threshold")?.source).toContain("97.5th percentile");
    expect(a.codeGates).toMatchObject({ gatesPassed: 2, gatesFailed: 2, gatesNoData: 1 });

    const row = await testDb().evidence.findUniqueOrThrow({ where: { id: a.evidenceId } });
    expect(row).toMatchObject({ commitSha: commit, job: "test", branch: "main", maintainability: null });
    expect(row.provenance).toMatchObject({ coverage: { part: "coverage", file: "coverage.txt", job: "test", commit } });
    const validation = await testDb().qualityValidation.findUniqueOrThrow({
      where: { id: a.codeGates.validationId ?? "" },
    });
    expect(validation).toMatchObject({ gatesPassed: 2, gatesFailed: 2 });
  });

  it("accepts gzip files and a gzip request", async () => {
    const one = await post(form({ commit: sha() }, [["coverage", gzipSync(read("vitest-lcov.info")), "lcov.info.gz"]]));
    expect(one.status).toBe(201);
    expect((await answer(one)).merged.metrics.coverage).toBe(77.78);

    const { bytes, type } = await encoded(form({ commit: sha() }, [["tests", read("surefire.xml")]]));
    const two = await post(gzipSync(bytes), { "content-type": type, "content-encoding": "gzip" });
    expect(two.status).toBe(201);
    expect((await answer(two)).merged.metrics).toMatchObject({ testsPassed: 1, testsFailed: 2 });

    const json = await post(gzipSync(JSON.stringify({ coverage: 99, commitSha: sha() })), {
      "content-type": "application/json",
      "content-encoding": "gzip",
    });
    expect(json.status).toBe(201);
  });

  it("refuses an unknown or malformed file naming the part and why, and stores nothing", async () => {
    const before = await stored();
    const cases: [Part[], Record<string, string>, RegExp][] = [
      [
        [["coverage", "Hello\nworld"]],
        { commit: sha() },
        /^coverage \(coverage\.txt\): not lcov, Cobertura, JaCoCo, istanbul or Clover — first line was Hello$/,
      ],
      [
        [["tests", read("npm-audit.json"), "a.xml"]],
        { commit: sha() },
        /^tests \(a\.xml\): not JUnit XML — first line was \{$/,
      ],
      [[["sarif", '{"version":"2.0.0","runs":[]}']], { commit: sha() }, /SARIF version 2\.0\.0 is not supported/],
      [
        [["coverage", new Uint8Array([0x1f, 0x8b, 1, 2, 3])]],
        { commit: sha() },
        /^coverage: the file starts like gzip but does not unpack$/,
      ],
      [
        [["lint", "x"]],
        { commit: sha() },
        /^lint: not a report part; send report files as coverage, tests, sarif, audit, performance$/,
      ],
      [[["coverage", read("vitest-lcov.info")]], {}, /^commit is required: the commit the reports are for$/],
      [
        [["coverage", read("vitest-lcov.info")]],
        { commit: "not-a-sha" },
        /commit must be 7 to 40 hexadecimal characters/,
      ],
      [
        [["coverage", read("vitest-lcov.info")]],
        { commit: sha(), buildUrl: "ftp://x" },
        /buildUrl must start with http/,
      ],
      [[], { commit: sha() }, /^Send at least one report file/],
      // one bad file spoils the post: the good one is not stored either
      [
        [
          ["coverage", read("vitest-lcov.info")],
          ["audit", "found 0 vulnerabilities"],
        ],
        { commit: sha() },
        /^audit \(audit\.txt\): not npm audit/,
      ],
    ];
    for (const [files, fields, message] of cases) {
      const res = await post(form(fields, files));
      const body = await answer(res);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(body.error).toMatch(message);
      expect(Object.keys(body.fieldErrors ?? {}).length).toBeGreaterThan(0);
    }
    const broken = await post("--x\r\nnot a form", { "content-type": "multipart/form-data; boundary=x" });
    expect(broken.status).toBe(400);
    const badGzip = await post("plain", { "content-type": "application/json", "content-encoding": "gzip" });
    expect(badGzip.status).toBe(400);
    const brotli = await post("{}", { "content-type": "application/json", "content-encoding": "br" });
    expect(brotli.status).toBe(415);
    expect(await stored()).toEqual(before);
  });

  it("answers 413 for a file over 10 MB and a request over 25 MB", async () => {
    const before = await stored();
    const big = `TN:\n${"DA:1,1\n".repeat(1_600_000)}`; // ~11 MB
    const file = await post(form({ commit: sha() }, [["coverage", big, "lcov.info"]]));
    expect(file.status).toBe(413);
    expect((await answer(file)).error).toBe("coverage: lcov.info is larger than 10 MB.");
    const bomb = gzipSync(Buffer.alloc(11 * 1024 * 1024, 32));
    const unpacked = await post(form({ commit: sha() }, [["coverage", bomb, "lcov.gz"]]));
    expect(unpacked.status).toBe(413);
    const request = await post("x", {
      "content-type": "multipart/form-data; boundary=x",
      "content-length": String(26 * 1024 * 1024),
    });
    expect(request.status).toBe(413);
    expect(await stored()).toEqual(before);
  });
});

describe("per-commit merge", () => {
  it("unites every post for a commit, the last value winning per metric, each keeping its source", async () => {
    const commit = sha();
    const first = await post(form({ commit, job: "test" }, [["coverage", read("vitest-lcov.info"), "lcov.info"]]));
    expect(first.status).toBe(201);
    const audit = await post(form({ commit, job: "audit" }, [["audit", read("trivy.json"), "trivy.json"]]));
    const merged = await answer(audit);
    expect(merged.merged.metrics).toMatchObject({
      coverage: 77.78,
      vulnerabilitiesHigh: 2,
      vulnerabilitiesCritical: 1,
    });
    expect(merged.merged.provenance).toMatchObject({
      coverage: { job: "test", file: "lcov.info" },
      vulnerabilitiesHigh: { job: "audit", file: "trivy.json", tool: "Trivy" },
    });
    const again = await answer(
      await post(form({ commit, job: "test-rerun" }, [["coverage", read("jacoco.xml"), "jacoco.xml"]])),
    );
    expect(again.merged.metrics).toMatchObject({ coverage: 96, vulnerabilitiesHigh: 2 });
    expect(again.merged.provenance).toMatchObject({
      coverage: { job: "test-rerun" },
      vulnerabilitiesHigh: { job: "audit" },
    });
    expect(again.evidenceId).toBe(merged.evidenceId);
    expect(await testDb().evidence.count({ where: { tenantId: f.tenant.id, commitSha: commit } })).toBe(1);
    expect(await testDb().evidencePost.count({ where: { evidenceId: again.evidenceId } })).toBe(3);
  });

  it("merges two posts for one commit sent at the same moment", async () => {
    const commit = sha();
    const [a, b] = await Promise.all([
      post(form({ commit, job: "coverage" }, [["coverage", read("vitest-coverage-summary.json")]])),
      post(form({ commit, job: "bench" }, [["performance", read("k6-summary.json")]])),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const rows = await testDb().evidence.findMany({ where: { tenantId: f.tenant.id, commitSha: commit } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ coverage: 77.78, benchmarkP95Ms: 287.46 });
    expect(await testDb().evidencePost.count({ where: { evidenceId: rows[0]?.id } })).toBe(2);
  });

  it("never lets an older commit's evidence override the newer one's standing", async () => {
    const older = sha();
    const newer = sha();
    expect((await post(form({ commit: older }, [["coverage", read("jacoco.xml")]]))).status).toBe(201);
    const fresh = await answer(await post(form({ commit: newer }, [["coverage", read("vitest-lcov.info")]])));
    expect(fresh.current).toBe(true);
    const late = await answer(await post(form({ commit: older, job: "late" }, [["audit", read("npm-audit.json")]])));
    expect(late).toMatchObject({ current: false, currentCommit: newer, codeGates: { validationId: null } });
    const history = await callerFor(f.users.TECH_LEAD).quality.history({ projectId: f.projectA.id });
    expect(history.latest?.results.evidenceId).toBe(fresh.evidenceId);
    const project = await callerFor(f.users.TECH_LEAD).projects.get({ projectId: f.projectA.id });
    expect(project.latestEvidence?.commitSha).toBe(newer);
  });
});
