import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

/**
 * Workers for the integration files: on PostgreSQL two by default (INTEGRATION_WORKERS), each in its own copy of the
 * migrated database (tests/setup/global-db.ts); on the embedded database one, since it serves every connection from
 * one session and serialises them anyway.
 */
function integrationWorkers(): number {
  if (!process.env.TEST_DATABASE_URL) return 1;
  const n = Number(process.env.INTEGRATION_WORKERS ?? 2);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

// unit: pure code, no database (*.test.ts next to the code or under tests/unit).
// integration: routers and services through a server-side caller against a real database
// (TEST_DATABASE_URL when given, else a fresh embedded PGlite per run) — tests/integration/*.int.test.ts.
// tests/security/ (docs/security.md, `npm run test:security`) holds both kinds, split by the same suffix.
export default defineConfig({
  // `server-only` throws outside Next.js's react-server condition: tests load server code as plain modules
  resolve: { alias: { "@": root, "server-only": path.join(root, "node_modules/server-only/empty.js") } },
  test: {
    env: { NODE_ENV: "test" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "server/**/*.test.ts",
            "lib/**/*.test.ts",
            "domain/**/*.test.ts",
            "tests/unit/**/*.test.ts",
            "tests/security/**/*.test.ts",
          ],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.int.test.ts", "tests/security/**/*.int.test.ts"],
          globalSetup: [path.join(root, "tests/setup/global-db.ts")],
          setupFiles: [path.join(root, "tests/setup/env.ts")],
          // next-auth imports "next/server" without an extension; inlining lets vite resolve it
          server: { deps: { inline: ["next-auth"] } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // on PostgreSQL files run side by side, each worker in a database of its own; on the embedded database
          // one worker, which serialises queries anyway
          fileParallelism: integrationWorkers() > 1,
          maxWorkers: integrationWorkers(),
        },
      },
    ],
  },
});
