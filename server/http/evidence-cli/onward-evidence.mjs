#!/usr/bin/env node
/**
 * onward-evidence — posts a CI build's report files to Onward (docs/ci-evidence.md#one-line-ci-step).
 * No dependencies: Node 18 or later. Served by GET /api/v1/evidence/cli.mjs.
 *
 *   node onward-evidence.mjs [options] [part=path …]
 *
 * Without part=path arguments it looks for the usual report files (coverage/lcov.info, junit.xml, …)
 * under --dir. Settings come from options, else the environment:
 *   --url        ONWARD_URL            Onward's address (https://onward.example.com)
 *   token        ONWARD_TOKEN          the project's CI token (environment only, never an argument)
 *   --commit     GITHUB_SHA, CI_COMMIT_SHA, else `git rev-parse HEAD`
 *   --branch     GITHUB_HEAD_REF / GITHUB_REF_NAME, CI_COMMIT_REF_NAME
 *   --job        GITHUB_JOB, CI_JOB_NAME
 *   --build-url  the GitHub Actions run, CI_JOB_URL
 *   --dir        where to look for reports (default: the current directory)
 *   --fail-on-gates   exit 3 when a code gate failed
 *   --dry-run    list what would be sent, send nothing
 *
 * Exit codes: 0 sent; 1 bad usage or nothing to send; 2 Onward refused the post (fix the token or the
 * files: not retried); 3 a gate failed (with --fail-on-gates); 4 Onward unreachable or failing after retries.
 * Only network errors, 5xx and 429 answers are retried (4 attempts, backing off, honouring Retry-After).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export const VERSION = "1.0.1";
/**
 * `npm audit --json` that cannot reach its service (or finds no lockfile) still writes JSON: its error, with no
 * findings. That is not an audit of zero vulnerabilities; the message says what went wrong, or null when the
 * file looks like a report (Onward decides whether it is one).
 */
function toolFailure(part, bytes) {
  if (part !== "audit") return null;
  try {
    const doc = JSON.parse(bytes.toString("utf8"));
    const report = ["vulnerabilities", "metadata", "results", "Results", "advisories"].some((k) => k in doc);
    if (doc && typeof doc === "object" && "error" in doc && !report) {
      const message = typeof doc.message === "string" ? doc.message : doc.error?.summary || doc.error?.code;
      return typeof message === "string" && message ? message : "the tool reported an error";
    }
  } catch {
    // not JSON: Onward names what it is not
  }
  return null;
}

const PARTS = ["coverage", "tests", "sarif", "audit", "performance"];
/** Where tools write their reports by default; the first existing file of each list is sent. */
const CANDIDATES = {
  coverage: [
    "coverage/lcov.info",
    "coverage/cobertura-coverage.xml",
    "coverage/coverage-summary.json",
    "coverage/clover.xml",
    "coverage.xml",
    "target/site/jacoco/jacoco.xml",
    "build/reports/jacoco/test/jacocoTestReport.xml",
  ],
  tests: ["junit.xml", "test-results/junit.xml", "reports/junit.xml", "test-results.xml", "report.xml"],
  sarif: ["eslint.sarif", "results.sarif", "reports/eslint.sarif"],
  audit: ["audit.json", "npm-audit.json", "osv-results.json", "trivy.json"],
  performance: ["k6-summary.json", "summary.json", "autocannon.json"],
};
/** Folders whose every matching file is sent (one file per test class). */
const FOLDERS = { tests: ["target/surefire-reports", "build/test-results/test"] };
const EXIT = { ok: 0, usage: 1, refused: 2, gates: 3, unavailable: 4 };
const ATTEMPTS = 4;
const MAX_FILE_BYTES = 10 * 1024 * 1024;

class Usage extends Error {}

function parseArgs(argv) {
  const options = { files: [] };
  const flags = new Set(["--fail-on-gates", "--dry-run", "--help", "--version"]);
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (flags.has(arg)) options[arg.slice(2)] = true;
    else if (arg.startsWith("--")) {
      const [name, inline] = arg.split(/=(.*)/s, 2);
      const value = inline ?? argv[(i += 1)];
      if (!["--url", "--commit", "--branch", "--job", "--build-url", "--dir"].includes(name))
        throw new Usage(`unknown option ${name}`);
      if (value === undefined) throw new Usage(`${name} needs a value`);
      options[name.slice(2)] = value;
    } else {
      const [part, file] = arg.split(/=(.*)/s, 2);
      if (!PARTS.includes(part) || !file) throw new Usage(`"${arg}" is not part=path (parts: ${PARTS.join(", ")})`);
      options.files.push({ part, file });
    }
  }
  return options;
}

function gitHead(dir) {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd: dir, stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}

function settings(options, env) {
  const dir = path.resolve(options.dir ?? ".");
  const github = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID;
  return {
    dir,
    url: (options.url ?? env.ONWARD_URL ?? "").replace(/\/+$/, ""),
    token: env.ONWARD_TOKEN ?? "",
    commit: options.commit ?? env.GITHUB_SHA ?? env.CI_COMMIT_SHA ?? gitHead(dir),
    branch: options.branch ?? (env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || env.CI_COMMIT_REF_NAME || undefined),
    job: options.job ?? env.GITHUB_JOB ?? env.CI_JOB_NAME,
    buildUrl:
      options["build-url"] ??
      (github ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : env.CI_JOB_URL),
  };
}

function discover(dir) {
  const found = [];
  for (const part of PARTS) {
    const first = CANDIDATES[part].find((f) => existsSync(path.join(dir, f)));
    if (first) found.push({ part, file: path.join(dir, first) });
    for (const folder of FOLDERS[part] ?? []) {
      const full = path.join(dir, folder);
      if (!existsSync(full)) continue;
      for (const name of readdirSync(full).sort())
        if (name.endsWith(".xml")) found.push({ part, file: path.join(full, name) });
    }
  }
  return found;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function send(s, files, log, baseDelayMs) {
  for (let attempt = 1; ; attempt += 1) {
    const form = new FormData();
    form.set("commit", s.commit);
    if (s.branch) form.set("branch", s.branch);
    if (s.job) form.set("job", s.job);
    if (s.buildUrl) form.set("buildUrl", s.buildUrl);
    for (const { part, file, bytes } of files)
      form.append(part, new Blob([gzipSync(bytes)], { type: "application/gzip" }), path.basename(file));
    let res;
    try {
      res = await fetch(`${s.url}/api/v1/evidence`, {
        method: "POST",
        headers: { authorization: `Bearer ${s.token}`, "user-agent": `onward-evidence/${VERSION}` },
        body: form,
      });
    } catch (error) {
      res = { status: 0, error };
    }
    const retryable = res.status === 0 || res.status === 429 || res.status >= 500;
    if (!retryable || attempt >= ATTEMPTS) return res;
    const after = Number(res.headers?.get("retry-after"));
    const wait = Number.isFinite(after) && after > 0 ? Math.min(after, 60) * 1000 : baseDelayMs * 2 ** (attempt - 1);
    log(
      `onward-evidence: ${res.status === 0 ? `no answer (${res.error.message})` : `HTTP ${res.status}`}; retrying in ${Math.round(wait / 100) / 10} s`,
    );
    await sleep(wait);
  }
}

function summary(body) {
  const g = body.codeGates ?? {};
  const lines = [
    `Onward: commit ${String(body.commitSha ?? "").slice(0, 7)} — code score ${g.score}: ${g.gatesPassed} gate(s) passed, ${g.gatesFailed} failed, ${g.gatesNoData ?? 0} without data`,
  ];
  for (const f of g.failing ?? []) lines.push(`  ✗ ${f.reason} (${f.source})`);
  for (const n of g.noData ?? []) lines.push(`  – ${n.label}: no data`);
  if (body.note) lines.push(`  ${body.note}`);
  return lines.join("\n");
}

/** Runs the CLI; returns the exit code (exported for tests, which pass their own env and logger). */
export async function main(argv, env = process.env, io = { out: console.log, err: console.error }) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    io.err(`onward-evidence: ${error.message}`);
    return EXIT.usage;
  }
  if (options.version) {
    io.out(VERSION);
    return EXIT.ok;
  }
  if (options.help) {
    io.out(
      "usage: node onward-evidence.mjs [--url URL] [--commit SHA] [--branch B] [--job J] [--build-url U] [--dir D] [--fail-on-gates] [--dry-run] [part=path …]",
    );
    return EXIT.ok;
  }
  const s = settings(options, env);
  const problems = [];
  if (!s.url) problems.push("no Onward address: set ONWARD_URL or --url");
  if (!s.token && !options["dry-run"]) problems.push("no token: set ONWARD_TOKEN from the CI's secrets");
  if (!s.commit) problems.push("no commit: set --commit (or run inside the git checkout)");
  const chosen =
    options.files.length > 0 ? options.files.map((f) => ({ ...f, file: path.resolve(f.file) })) : discover(s.dir);
  if (chosen.length === 0) problems.push(`no report file found under ${s.dir}: pass part=path arguments`);
  const files = [];
  for (const { part, file } of chosen) {
    if (!existsSync(file)) problems.push(`${part}: ${file} does not exist`);
    else if (statSync(file).size > MAX_FILE_BYTES) problems.push(`${part}: ${file} is larger than 10 MB`);
    else {
      const bytes = readFileSync(file);
      const failed = toolFailure(part, bytes);
      // a failed audit is reported, not sent: it would refuse the whole post and lose the other reports
      if (failed)
        io.err(`onward-evidence: ${part}: ${path.basename(file)} is the tool's error report (${failed}); not sent`);
      else files.push({ part, file, bytes });
    }
  }
  if (chosen.length > 0 && files.length === 0 && problems.length === 0) problems.push("no report file left to send");
  if (problems.length > 0) {
    for (const p of problems) io.err(`onward-evidence: ${p}`);
    return EXIT.usage;
  }
  for (const f of files) io.out(`onward-evidence: ${f.part} ← ${path.relative(s.dir, f.file) || f.file}`);
  if (options["dry-run"]) return EXIT.ok;

  const res = await send(s, files, io.err, Number(env.ONWARD_RETRY_BASE_MS ?? 1000));
  if (res.status === 0) {
    io.err(`onward-evidence: could not reach ${s.url} (${res.error.message})`);
    return EXIT.unavailable;
  }
  const text = await res.text();
  let body = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { error: text.slice(0, 500) };
  }
  if (res.status === 429 || res.status >= 500) {
    io.err(`onward-evidence: Onward answered ${res.status} after ${ATTEMPTS} attempts: ${body.error ?? ""}`);
    return EXIT.unavailable;
  }
  if (res.status !== 201) {
    io.err(`onward-evidence: Onward refused the post (${res.status}): ${body.error ?? text}`);
    return EXIT.refused;
  }
  io.out(summary(body));
  return options["fail-on-gates"] && (body.codeGates?.gatesFailed ?? 0) > 0 ? EXIT.gates : EXIT.ok;
}

const invoked = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invoked) process.exitCode = await main(process.argv.slice(2));
