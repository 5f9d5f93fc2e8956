/**
 * Authors a new migration offline: `npm run db:migration:new -- <name>`.
 *
 * Prisma 7's schema engine cannot be downloaded here, so this diffs with the Prisma 6.19.3 CLI in
 * its JS-engine mode (PGlite in memory as the adapter), side-installed once into .cache/prisma6.
 * It diffs prisma/migrations/schema.snapshot.prisma (the schema as of the last migration) against
 * prisma/schema.prisma, writes prisma/migrations/<timestamp>_<name>/migration.sql in Prisma's own
 * format, and refreshes the snapshot. On a machine with internet `prisma migrate dev` does the same.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const toolDir = path.join(root, ".cache", "prisma6");
const migrationsDir = path.join(root, "prisma", "migrations");
const snapshot = path.join(migrationsDir, "schema.snapshot.prisma");
const schema = path.join(root, "prisma", "schema.prisma");

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]{1,60}$/.test(name)) {
  console.error("usage: npm run db:migration:new -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

if (!existsSync(path.join(toolDir, "node_modules", "prisma"))) {
  mkdirSync(toolDir, { recursive: true });
  writeFileSync(path.join(toolDir, "package.json"), '{ "name": "prisma6-tool", "private": true }\n');
  execFileSync(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      "-E",
      "prisma@6.19.3",
      "@prisma/client@6.19.3",
      "pglite-prisma-adapter@0.6.1",
      "@electric-sql/pglite@0.3.14",
    ],
    { cwd: toolDir, stdio: "inherit" },
  );
}
writeFileSync(
  path.join(toolDir, "prisma.config.ts"),
  `import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  async adapter() { return new PrismaPGlite(new PGlite("memory://")); },
} as never);
`,
);

// Prisma 6 wants a url in the datasource and the classic generator; the datamodel is unchanged.
function toPrisma6(source: string): string {
  return source
    .replace(/provider\s*=\s*"prisma-client"/, 'provider = "prisma-client-js"')
    .replace(/^\s*(output|moduleFormat)\s*=.*$/gm, "")
    .replace(/provider = "postgresql"/, 'provider = "postgresql"\n  url = "postgresql://unused@localhost/unused"');
}
// format first, so the snapshot we keep is byte-for-byte the committed schema
execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["format"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true" },
});
const newFile = path.join(toolDir, "to.prisma");
writeFileSync(newFile, toPrisma6(readFileSync(schema, "utf8")));
const fromArgs = existsSync(snapshot)
  ? ["--from-schema-datamodel", path.join(toolDir, "from.prisma")]
  : ["--from-empty"];
if (existsSync(snapshot)) writeFileSync(path.join(toolDir, "from.prisma"), toPrisma6(readFileSync(snapshot, "utf8")));

const sql = execFileSync(
  path.join(toolDir, "node_modules", ".bin", "prisma"),
  ["migrate", "diff", ...fromArgs, "--to-schema-datamodel", newFile, "--script"],
  {
    cwd: toolDir,
    encoding: "utf8",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true",
      PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true",
      PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
    },
  },
).replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/m, "");

if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  console.log("The schema matches the last migration: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
copyFileSync(schema, snapshot);
if (!existsSync(path.join(migrationsDir, "migration_lock.toml"))) {
  writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
}
console.log(`Wrote ${path.relative(root, dir)}/migration.sql — review it, then npm run db:migrate.`);
