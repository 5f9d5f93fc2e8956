import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { blockedFor, hit, LIMITS, RATE_POOL_NAME, reset } from "@/server/auth/rate-limit";

describe("PostgreSQL-backed rate limits", () => {
  it("work when many pool connections query at once (no named-statement clashes on shared sessions)", async () => {
    const keys = Array.from({ length: 12 }, () => `concurrency-${randomUUID()}`);
    // two rounds of parallel calls force several pool connections to run the same statements
    for (let round = 0; round < 2; round += 1) {
      const waits = await Promise.all(keys.map((k) => hit("magicLink", k)));
      expect(waits).toEqual(keys.map(() => 0));
    }
    const blocked = await Promise.all(keys.map((k) => blockedFor("magicLink", k)));
    expect(blocked).toEqual(keys.map(() => 0));
  });

  it("blocks a key once it has used its points, and reset clears it", async () => {
    const key = `limit-${randomUUID()}`;
    for (let i = 0; i < LIMITS.magicLink.points; i += 1) expect(await hit("magicLink", key)).toBe(0);
    expect(await blockedFor("magicLink", key)).toBeGreaterThan(0);
    expect(await hit("magicLink", key)).toBeGreaterThan(0);
    await reset("magicLink", key);
    expect(await blockedFor("magicLink", key)).toBe(0);
  });

  // PostgreSQL only: the embedded database has one session, nothing to terminate
  it.runIf(process.env.TEST_DATABASE_URL)(
    "keeps working when the server drops its idle connections (no crash of the process)",
    async () => {
      const key = `dropped-${randomUUID()}`;
      expect(await hit("magicLink", key)).toBe(0);
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      try {
        const dropped = await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
          [RATE_POOL_NAME],
        );
        expect(dropped.rowCount).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      // the pool hears the loss on its idle connection (without a listener that event ends the process)
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await hit("magicLink", key)).toBe(0);
      expect((await blockedFor("magicLink", key)) === 0).toBe(true);
    },
  );
});
