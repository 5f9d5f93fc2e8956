import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../../server/db/migrate";
import { startEmbeddedDb, type EmbeddedDb } from "../../scripts/embedded-db";
import { createSiblingDatabase } from "../helpers/sibling-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** one database per worker: worker N (VITEST_POOL_ID) uses entry N − 1 (tests/setup/env.ts) */
    databaseUrls: string[];
  }
}

let embedded: EmbeddedDb | undefined;
const copies: { drop: () => Promise<void> }[] = [];

/**
 * One database per test run: TEST_DATABASE_URL (a fresh PostgreSQL database the caller created,
 * e.g. .ci/run) or a throw-away in-memory PGlite served over the wire protocol. Each test file
 * then works in tenants of its own, so files never see each other's rows. On PostgreSQL the files run in
 * the project's workers (vitest.config.ts), each in its own copy of the migrated database (dropped afterwards), so what
 * one worker's file does to the whole database (jobs over every tenant, rate-limit counters) never meets
 * another's.
 */
export async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedDb("memory://");
    url = embedded.url;
  }
  await migrate(url, path.join(import.meta.dirname, "..", "..", "prisma", "migrations"));
  const urls = [url];
  for (let i = 1; i < (process.env.TEST_DATABASE_URL ? project.config.maxWorkers : 1); i++) {
    const copy = await createSiblingDatabase(url, "onward_worker", { copy: true });
    copies.push(copy);
    urls.push(copy.url);
  }
  project.provide("databaseUrls", urls);
}

export async function teardown() {
  for (const copy of copies.splice(0)) await copy.drop();
  await embedded?.stop();
}
