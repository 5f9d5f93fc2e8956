import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * docs/deploy.md stays true: every npm command it gives is a script of this package, every unit's
 * ExecStart runs one, and every cron Vercel is told about has a route. The commands themselves run in
 * e2e/first-run.spec.ts (migrate, start, scheduler --once, tenant:create) and in CI.
 */
const root = path.resolve(import.meta.dirname, "..", "..");
const guide = readFileSync(path.join(root, "docs", "deploy.md"), "utf8");
const scripts = (
  JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }
).scripts;

describe("the deploy guide", () => {
  it("names only npm scripts that exist", () => {
    const named = [...guide.matchAll(/npm (?:run (?:--silent )?)?([a-z][\w:-]*)/g)].map((m) => m[1] ?? "");
    const builtin = new Set(["ci", "install", "run"]);
    const used = [...new Set(named.filter((n) => !builtin.has(n)))];
    expect(used).toEqual(
      expect.arrayContaining([
        "start",
        "build",
        "db:migrate",
        "scheduler",
        "tenant:create",
        "tenant:list",
        "signup:code",
        "db:backup",
        "db:restore",
        "vercel-build",
      ]),
    );
    for (const name of used) expect(scripts[name], `npm run ${name}`).toBeTypeOf("string");
  });

  it("migrates in the Vercel build and refuses to do it without a database URL", () => {
    expect(scripts["vercel-build"]).toMatch(/scripts\/migrate\.ts --require-database-url && next build/);
  });

  it("runs npm scripts from its systemd units", () => {
    const execs = [...guide.matchAll(/^ExecStart=\/usr\/bin\/npm (.+)$/gm)].map((m) => m[1] ?? "");
    expect(execs).toEqual(["start", "run scheduler"]);
  });

  it("lets Vercel call a route for every cron in vercel.json", () => {
    const crons = (JSON.parse(readFileSync(path.join(root, "vercel.json"), "utf8")) as { crons: { path: string }[] })
      .crons;
    expect(crons.length).toBeGreaterThan(0);
    for (const c of crons)
      expect(existsSync(path.join(root, "app", `${c.path.slice(1)}`, "route.ts")), c.path).toBe(true);
  });
});
