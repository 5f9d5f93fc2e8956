import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/evidence/route";
import { GET as getCli } from "@/app/api/v1/evidence/cli.mjs/route";
import { DEFAULT_QUALITY_CONFIG } from "@/domain/quality/config";
import { callerFor, createTenantFixture, testDb, type TenantFixture } from "../helpers/fixtures";

/**
 * The CI step as a pipeline runs it (docs/ci-evidence.md#one-line-ci-step): real reports from the real tools —
 * vitest with @vitest/coverage-v8 (lcov, Cobertura, istanbul summary, Clover) and its JUnit reporter,
 * ESLint with @microsoft/eslint-formatter-sarif — on tests/fixtures/ci-project, plus an npm audit report
 * (tests/fixtures/reports/npm-audit.json, written in npm 7+'s format: the audit endpoint cannot be
 * reached from here). The script is downloaded from GET /api/v1/evidence/cli.mjs and run with node against
 * a loopback HTTP server that hands each request to the route handler; the gates it reports must follow
 * the default thresholds of docs/quality-gates.md.
 */
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const project = path.join(root, "tests/fixtures/ci-project");
let f: TenantFixture;
let token: string;
let work: string;
let server: http.Server;
let url: string;

/** Node's http request → the route handler's Request, and its Response back. */
function serve(handler: (req: Request) => Promise<Response>) {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      void handler(
        new Request(`http://127.0.0.1${req.url ?? "/"}`, {
          method: req.method,
          headers,
          body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
        }),
      ).then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
  });
}

/** The environment of a CI job: no vitest variables of this test run leak into the tools it starts. */
const ciEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith("VITEST") && k !== "TEST_DATABASE_URL") env[k] = v;
  return { ...env, NODE_ENV: "test", ...extra };
};

beforeAll(async () => {
  f = await createTenantFixture("ci-real-tools");
  ({ token } = await callerFor(f.users.TECH_LEAD).apiTokens.create({ projectId: f.projectA.id, name: "CI" }));
  work = mkdtempSync(path.join(tmpdir(), "onward-ci-"));
  // the route handlers a pipeline reaches: the script's download and the evidence post
  server = serve((req) =>
    Promise.resolve(new URL(req.url).pathname.endsWith("/cli.mjs") ? getCli() : POST(req)),
  ).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(() => {
  server.close();
  rmSync(work, { recursive: true, force: true });
});

describe("the CI step with real tools", () => {
  it("posts vitest, coverage-v8, ESLint SARIF and npm audit reports; the gates follow the thresholds", async () => {
    // 1. the real tools write their reports where they would in CI
    const tool = (bin: string, ...args: string[]) =>
      run(process.execPath, [path.join(root, "node_modules", bin), ...args], { cwd: project, env: ciEnv() });
    await tool(
      "vitest/vitest.mjs",
      "run",
      "--config",
      path.join(project, "vitest.config.mjs"),
      `--coverage.reportsDirectory=${path.join(work, "coverage")}`,
      `--outputFile.junit=${path.join(work, "junit.xml")}`,
    );
    await tool(
      "eslint/bin/eslint.js",
      "--no-config-lookup",
      "-c",
      path.join(project, "eslint.config.mjs"),
      "-f",
      "@microsoft/eslint-formatter-sarif",
      "-o",
      path.join(work, "eslint.sarif"),
      "src",
    );
    cpSync(path.join(root, "tests/fixtures/reports/npm-audit.json"), path.join(work, "audit.json"));
    const summary = JSON.parse(readFileSync(path.join(work, "coverage/coverage-summary.json"), "utf8")) as {
      total: { lines: { covered: number; total: number } };
    };
    const coverage = Math.round((summary.total.lines.covered / summary.total.lines.total) * 10_000) / 100;

    // 2. the script as CI downloads it
    const served = getCli();
    expect(served.headers.get("content-type")).toContain("javascript");
    const cli = path.join(work, "onward-evidence.mjs");
    writeFileSync(cli, await served.text());

    // 3. one line in the pipeline
    const commit = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    const out = await run(
      process.execPath,
      [cli, "--url", url, "--commit", commit, "--job", "test", "--branch", "main", "--dir", work, "--fail-on-gates"],
      { cwd: work, env: ciEnv({ ONWARD_TOKEN: token }) },
    ).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(out.stderr).toBe("");
    expect(out.stdout).toContain("coverage ← coverage/lcov.info");
    expect(out.stdout).toContain("tests ← junit.xml");
    expect(out.stdout).toContain("sarif ← eslint.sarif");
    expect(out.stdout).toContain("audit ← audit.json");
    // coverage below 95 % and one high vulnerability fail: --fail-on-gates exits 3
    expect(out.code).toBe(3);
    expect(out.stdout).toContain(`Test coverage ${coverage}% misses the gate ≥ 95%`);

    // 4. what Onward stored follows the thresholds of docs/quality-gates.md
    const row = await testDb().evidence.findFirstOrThrow({ where: { tenantId: f.tenant.id, commitSha: commit } });
    expect(row).toMatchObject({
      coverage,
      complexity: 5, // netPrice, as ESLint's complexity rule counted it
      vulnerabilitiesHigh: 1,
      vulnerabilitiesCritical: 0,
      testsPassed: 6,
      testsFailed: 0,
      maintainability: null,
      benchmarkP95Ms: null,
      job: "test",
      branch: "main",
    });
    const validation = await testDb().qualityValidation.findFirstOrThrow({
      where: { tenantId: f.tenant.id, projectId: f.projectA.id, type: "CODE" },
      orderBy: { createdAt: "desc" },
    });
    const gates = (validation.results as { gates: { gate: string; status: string; source: string }[] }).gates;
    const t = DEFAULT_QUALITY_CONFIG.gates.code;
    const expected = {
      minimum_coverage: coverage >= t.minimum_coverage ? "passed" : "failed",
      maximum_complexity: 5 <= t.maximum_complexity ? "passed" : "failed",
      minimum_maintainability: "no_data",
      security_vulnerability_threshold: 1 <= t.security_vulnerability_threshold ? "passed" : "failed",
      performance_benchmark_threshold: "no_data",
    };
    expect(Object.fromEntries(gates.map((g) => [g.gate, g.status]))).toEqual(expected);
    expect(validation).toMatchObject({ gatesPassed: 1, gatesFailed: 2 });
    expect(gates.find((g) => g.gate === "minimum_coverage")?.source).toMatch(
      /^from lcov \(lcov\.info\) in job “test”, commit 9fceb02, /,
    );
    expect(gates.find((g) => g.gate === "maximum_complexity")?.source).toMatch(
      /^from SARIF 2\.1\.0 from ESLint \(eslint\.sarif\)/,
    );
  }, 60_000);
});

describe("the documented GitHub Actions step", () => {
  it("runs as written: a failing npm audit is reported and left out, the other reports still arrive", async () => {
    // the step's `run:` block, exactly as docs/ci-evidence.md prints it
    const doc = readFileSync(path.join(root, "docs/ci-evidence.md"), "utf8");
    const section = doc.slice(doc.indexOf("### GitHub Actions"));
    const block = /run: \|\n((?: {10}.*\n)+)/.exec(section)?.[1];
    if (!block) throw new Error("no run: block in the GitHub Actions snippet");
    const script = block.replace(/^ {10}/gm, "");
    expect(script).toContain("npm audit --json > audit.json || true");

    // a checkout after the test job: the project's lockfile and the reports the earlier steps wrote
    const checkout = mkdtempSync(path.join(tmpdir(), "onward-gha-"));
    try {
      for (const file of ["package.json", "package-lock.json"])
        cpSync(path.join(project, file), path.join(checkout, file));
      for (const file of ["coverage", "junit.xml", "eslint.sarif"])
        cpSync(path.join(work, file), path.join(checkout, file), { recursive: true });
      const commit = "1b2e3c4d5f60718293a4b5c6d7e8f90a1b2c3d4e";
      // npm audit fails here for real (no advisory service reachable, or a refused one): exactly the case
      // where the old step lost every report
      const out = await run("bash", ["-eo", "pipefail", "-c", script], {
        cwd: checkout,
        env: ciEnv({
          ONWARD_URL: url,
          ONWARD_TOKEN: token,
          GITHUB_SHA: commit,
          GITHUB_JOB: "quality",
          GITHUB_ACTIONS: "true",
        }),
      }).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      const audit = JSON.parse(readFileSync(path.join(checkout, "audit.json"), "utf8")) as Record<string, unknown>;
      if ("error" in audit) expect(out.stderr).toMatch(/audit: audit\.json is the tool's error report .*; not sent/);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout).toContain("coverage ← coverage/lcov.info");
      const row = await testDb().evidence.findFirstOrThrow({ where: { tenantId: f.tenant.id, commitSha: commit } });
      expect(row.coverage).not.toBeNull();
      expect(row.testsPassed).toBe(6);
      expect(row.complexity).toBe(5);
      // an audit that never ran is no data, never "0 vulnerabilities"
      if ("error" in audit) expect(row.vulnerabilitiesHigh).toBeNull();
    } finally {
      rmSync(checkout, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("the CI script's answers and retries", () => {
  async function cli(args: string[], env: Record<string, string>) {
    return run(process.execPath, [path.join(root, "server/http/evidence-cli/onward-evidence.mjs"), ...args], {
      cwd: work,
      env: ciEnv({ ONWARD_RETRY_BASE_MS: "10", ...env }),
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
  }
  const lcov = () => `coverage=${path.join(root, "tests/fixtures/reports/vitest-lcov.info")}`;

  it("retries 5xx and 429 only, then reports", async () => {
    const statuses: number[] = [];
    let answers = [503, 429, 201];
    const fake = http
      .createServer((req, res) => {
        req.resume();
        req.on("end", () => {
          const status = answers.shift() ?? 400;
          statuses.push(status);
          res.writeHead(status, {
            "content-type": "application/json",
            ...(status === 429 ? { "retry-after": "1" } : {}),
          });
          res.end(
            JSON.stringify(
              status === 201
                ? { commitSha: "abc1234", codeGates: { score: 100, gatesPassed: 1, gatesFailed: 0 } }
                : { error: "nope" },
            ),
          );
        });
      })
      .listen(0, "127.0.0.1");
    await new Promise((resolve) => fake.once("listening", resolve));
    const fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
    try {
      const ok = await cli(["--url", fakeUrl, "--commit", "abc1234", lcov()], { ONWARD_TOKEN: "t" });
      expect(ok.code).toBe(0);
      expect(statuses).toEqual([503, 429, 201]);
      expect(ok.stderr).toContain("HTTP 503; retrying");

      statuses.length = 0;
      answers = [400];
      const refused = await cli(["--url", fakeUrl, "--commit", "abc1234", lcov()], { ONWARD_TOKEN: "t" });
      expect(refused.code).toBe(2);
      expect(statuses).toEqual([400]); // a 4xx is never retried

      statuses.length = 0;
      answers = [500, 500, 500, 500, 500];
      const down = await cli(["--url", fakeUrl, "--commit", "abc1234", lcov()], { ONWARD_TOKEN: "t" });
      expect(down.code).toBe(4);
      expect(statuses).toHaveLength(4);
    } finally {
      fake.close();
    }
  }, 30_000);

  it("exits 1 with a clear line when the token, the commit or the files are missing", async () => {
    const noToken = await cli(["--url", url, "--commit", "abc1234", lcov()], {});
    expect(noToken).toMatchObject({ code: 1 });
    expect(noToken.stderr).toContain("no token: set ONWARD_TOKEN");
    const noFile = await cli(["--url", url, "--commit", "abc1234", "coverage=missing.info"], { ONWARD_TOKEN: "t" });
    expect(noFile.stderr).toMatch(/coverage: .*missing\.info does not exist/);
    const badArg = await cli(["lint=x"], { ONWARD_TOKEN: "t" });
    expect(badArg).toMatchObject({ code: 1 });
    expect(badArg.stderr).toContain('"lint=x" is not part=path');
  });
});
