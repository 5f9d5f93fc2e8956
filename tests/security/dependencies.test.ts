import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { recordFigure } from "./figures";

/**
 * Version floors (docs/security.md, docs/architecture.md#platform-constraints): below these the stack has known critical holes — the RSC
 * remote code execution and the middleware/proxy bypasses (next), CVE-2025-68130 (@trpc/server),
 * GHSA-5jpx-9hw9-2fx4 (next-auth). Checked in package.json (what we ask for), the lockfile (what CI
 * installs) and node_modules (what runs).
 */
const VERSION_FLOORS = { next: "16.2.11", "@trpc/server": "11.8.0", "next-auth": "5.0.0-beta.30" } as const;

const root = path.resolve(import.meta.dirname, "..", "..");
const readJson = <T>(file: string) => JSON.parse(readFileSync(path.join(root, file), "utf8")) as T;

/** semver order, prereleases included (5.0.0-beta.30 < 5.0.0-beta.32 < 5.0.0). */
function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [core = "", pre] =
      v
        .replace(/^[v=^~]/, "")
        .split("+")[0]
        ?.split(/-(.*)/s) ?? [];
    return { core: core.split(".").map(Number), pre: pre === undefined ? null : pre.split(".") };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < 3; i += 1) {
    const d = (x.core[i] ?? 0) - (y.core[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === null || y.pre === null) return x.pre === y.pre ? 0 : x.pre === null ? 1 : -1;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i += 1) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined || q === undefined) return p === undefined ? -1 : 1;
    if (p === q) continue;
    const numeric = /^\d+$/.test(p) && /^\d+$/.test(q);
    return numeric ? Math.sign(Number(p) - Number(q)) : p < q ? -1 : 1;
  }
  return 0;
}

describe("dependency version floors", () => {
  it("orders versions as semver does, prereleases included", () => {
    expect(compareVersions("16.2.11", "16.2.9")).toBe(1);
    expect(compareVersions("16.2.10", "16.2.11")).toBe(-1);
    expect(compareVersions("11.8.0", "11.8.0")).toBe(0);
    expect(compareVersions("5.0.0-beta.32", "5.0.0-beta.30")).toBe(1);
    expect(compareVersions("5.0.0-beta.4", "5.0.0-beta.30")).toBe(-1);
    expect(compareVersions("5.0.0", "5.0.0-beta.30")).toBe(1);
    expect(compareVersions("4.24.11", "5.0.0-beta.30")).toBe(-1);
    expect(compareVersions("5.0.0-alpha.40", "5.0.0-beta.30")).toBe(-1);
  });

  it("requires, locks and installs versions at or above every floor", () => {
    const manifest = readJson<{ dependencies: Record<string, string> }>("package.json");
    const lock = readJson<{ packages: Record<string, { version?: string }> }>("package-lock.json");
    const lines: string[] = [];
    for (const [name, floor] of Object.entries(VERSION_FLOORS)) {
      const declared = manifest.dependencies[name];
      const locked = lock.packages[`node_modules/${name}`]?.version;
      const installed = readJson<{ version: string }>(path.join("node_modules", name, "package.json")).version;
      expect(declared, `${name} must be a pinned production dependency`).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
      for (const [where, version] of [
        ["package.json", declared],
        ["package-lock.json", locked],
        ["node_modules", installed],
      ] as const) {
        expect(version, `${name} in ${where}`).toBeDefined();
        expect(
          compareVersions(version ?? "0.0.0", floor),
          `${name} ${version} in ${where} is below the floor ${floor}`,
        ).toBeGreaterThanOrEqual(0);
      }
      lines.push(`${name} ${installed} ≥ ${floor}`);
    }
    recordFigure("dependencies", { title: "version floors", lines, ok: true });
  });
});
