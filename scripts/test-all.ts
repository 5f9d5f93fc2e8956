/**
 * `npm test`: every test, in order — unit, integration (real database), production build, browser
 * e2e, and the crash-safety run on the build (scripts/crash-safety.ts). Uses TEST_DATABASE_URL when
 * set (a fresh PostgreSQL database; crash safety and e2e each create their own next to it), else the
 * embedded database.
 * Prints one closing line "tests: N passed, N failed" summed over all suites.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../tests/setup/problems-reporter";
import { createSiblingDatabase } from "../tests/helpers/sibling-database";

/** Lets the child resolve `server-only` outside Next.js (scripts/server-only-hook.mjs). */
const SERVER_ONLY_HOOK = path.resolve(import.meta.dirname, "..", "scripts", "server-only-hook.mjs");

const root = path.resolve(import.meta.dirname, "..");
const cache = path.join(root, ".cache");
mkdirSync(cache, { recursive: true });
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

type Counts = { passed: number; failed: number; skipped: number };
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const state: { failedStep: string | null; problems: string[] } = { failedStep: null, problems: [] };

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n━━ ${label} ━━`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (res.status !== 0) state.failedStep ??= label;
  return res.status === 0;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

function vitest(project: "unit" | "integration") {
  const out = path.join(cache, `vitest-${project}.json`);
  const problemsFile = path.join(cache, `vitest-${project}-problems.json`);
  rmSync(out, { force: true });
  rmSync(problemsFile, { force: true });
  const reporter = path.join(root, "tests", "setup", "problems-reporter.ts");
  const ok = run(
    `vitest ${project}`,
    bin("vitest"),
    [
      "run",
      "--project",
      project,
      "--reporter=default",
      "--reporter=json",
      `--reporter=${reporter}`,
      `--outputFile.json=${out}`,
    ],
    { VITEST_PROBLEMS_FILE: problemsFile },
  );
  // unhandled errors and hook/import errors fail the run with every test passed: name them in the summary
  const problems = readJson<Problem[]>(problemsFile) ?? [];
  for (const p of problems)
    state.problems.push(
      `vitest ${project}: ${p.where}: ${p.message}${p.stack ? `\n    ${p.stack.replaceAll("\n", "\n    ")}` : ""}`,
    );
  const json = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  }>(out);
  if (!ok && problems.length === 0 && json?.numFailedTests === 0)
    state.problems.push(`vitest ${project}: exited non-zero with every test passed; see its output above`);
  if (!json) {
    state.failedStep ??= `vitest ${project} (no report)`;
    return;
  }
  total.passed += json.numPassedTests;
  total.failed += json.numFailedTests;
  total.skipped += json.numPendingTests + json.numTodoTests;
}

async function playwright() {
  const out = path.join(cache, "playwright.json");
  rmSync(out, { force: true });
  // e2e gets a database of its own next to the test database: what the integration tests leave there (mail
  // queued with their injected clocks, rate-limit counters, extra tenants) is not the demo a person opens
  const base = process.env.TEST_DATABASE_URL;
  const own = base && !process.env.E2E_DATABASE_URL ? await createSiblingDatabase(base, "onward_e2e") : null;
  try {
    run("playwright e2e", bin("playwright"), ["test"], own ? { E2E_DATABASE_URL: own.url } : {});
  } finally {
    await own?.drop();
  }
  const json = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(out);
  if (!json) {
    state.failedStep ??= "playwright (no report)";
    return;
  }
  total.passed += json.stats.expected + json.stats.flaky;
  total.failed += json.stats.unexpected;
  total.skipped += json.stats.skipped;
}

/** kill -9 of a production server mid-load (docs/security.md); its checks count like tests. */
function crashSafety() {
  console.log("\n━━ crash safety ━━");
  const res = spawnSync(
    process.execPath,
    ["--import", "tsx", "--import", SERVER_ONLY_HOOK, path.join(root, "scripts", "crash-safety.ts")],
    {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      env: process.env,
    },
  );
  process.stdout.write(res.stdout ?? "");
  const summary = /^crash-safety: (\d+) passed, (\d+) failed$/m.exec(res.stdout ?? "");
  if (!summary) {
    state.failedStep ??= "crash safety (no summary)";
    return;
  }
  total.passed += Number(summary[1]);
  total.failed += Number(summary[2]);
  if (res.status !== 0) state.failedStep ??= "crash safety";
}

console.log(
  process.env.TEST_DATABASE_URL
    ? "Database: TEST_DATABASE_URL (PostgreSQL)"
    : "Database: embedded PGlite (fresh, in memory)",
);
// SKIP_UNIT=1 (.ci/run's second pass): the unit tests touch no database, so a run on another engine repeats them
if (process.env.SKIP_UNIT === "1") console.log("\n━━ vitest unit ━━ (skipped: SKIP_UNIT=1)");
else vitest("unit");
vitest("integration");
const haveBuild = existsSync(path.join(root, ".next", "BUILD_ID"));
if (process.env.SKIP_BUILD === "1" && haveBuild)
  console.log("\n━━ next build ━━ (skipped: SKIP_BUILD=1 and a build exists)");
else run("next build", bin("next"), ["build"]);
const built = state.failedStep !== "next build";
if (built) crashSafety();
if (built) await playwright();

if (state.problems.length)
  console.log(`\nProblems besides failed tests:\n${state.problems.map((p) => `- ${p}`).join("\n")}`);
console.log(`\nSummary${state.failedStep ? ` (first failure: ${state.failedStep})` : ""}`);
console.log(
  `tests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`,
);
process.exit(state.failedStep || total.failed > 0 ? 1 : 0);
