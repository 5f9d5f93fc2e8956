import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { GET } from "@/app/api/health/route";
import { listMigrations } from "@/server/db/migrate";
import { checkHealth } from "@/server/services/health";
import { freePort } from "../../scripts/embedded-db";

const holder = globalThis as unknown as { onwardPrisma?: PrismaClient };
const ORIGINAL_URL = process.env.DATABASE_URL;

/** Drops the app's cached client so the next db() call connects to the current DATABASE_URL. */
async function resetClient() {
  const client = holder.onwardPrisma;
  holder.onwardPrisma = undefined;
  await client?.$disconnect().catch(() => undefined);
}

afterEach(async () => {
  process.env.DATABASE_URL = ORIGINAL_URL;
  await resetClient();
});

describe("checkHealth", () => {
  it("is ok with the database up and names the newest migration", async () => {
    const newest = listMigrations(path.join(import.meta.dirname, "..", "..", "prisma", "migrations")).at(-1)?.name;
    expect(newest).toBeDefined();
    expect(await checkHealth()).toEqual({ ok: true, database: "up", migration: newest });
  });

  it("reports the database down (without throwing) when it cannot be reached", async () => {
    const closedPort = await freePort();
    process.env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${closedPort}/postgres?sslmode=disable`;
    await resetClient();
    expect(await checkHealth()).toEqual({ ok: false, database: "down", migration: null });
  });

  it("GET /api/health answers 503 (no-store) while the database is down", async () => {
    process.env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${await freePort()}/postgres?sslmode=disable`;
    await resetClient();
    const res = await GET();
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ ok: false, database: "down", migration: null });
  });

  it("is ok again once the database is reachable again", async () => {
    process.env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${await freePort()}/postgres?sslmode=disable`;
    await resetClient();
    expect((await checkHealth()).ok).toBe(false);
    process.env.DATABASE_URL = ORIGINAL_URL;
    await resetClient();
    expect(await checkHealth()).toMatchObject({ ok: true, database: "up" });
  });
});
