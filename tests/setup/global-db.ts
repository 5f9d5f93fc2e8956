import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../../server/db/migrate";
import { startEmbeddedDb, type EmbeddedDb } from "../../scripts/embedded-db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

let embedded: EmbeddedDb | undefined;

/**
 * One database per test run: TEST_DATABASE_URL (a fresh PostgreSQL database the caller created,
 * e.g. .ci/run) or a throw-away in-memory PGlite served over the wire protocol. Each test file
 * then works in tenants of its own, so files never see each other's rows.
 */
export async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedDb("memory://");
    url = embedded.url;
  }
  await migrate(url, path.join(import.meta.dirname, "..", "..", "prisma", "migrations"));
  project.provide("databaseUrl", url);
}

export async function teardown() {
  await embedded?.stop();
}
