import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { blockedFor, hit, LIMITS, reset } from "@/server/auth/rate-limit";

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
});
