import { describe, expect, it } from "vitest";

/** The read replica's settings (docs/deploy.md#read-replica): optional, with a budget and a check interval. */
const saved = { ...process.env };

async function replicaEnvOf(vars: Record<string, string | undefined>) {
  process.env = { ...saved, ...vars };
  try {
    const { replicaEnv } = await import("@/lib/env");
    return replicaEnv();
  } finally {
    process.env = { ...saved };
  }
}

describe("read replica environment", () => {
  it("is off without DATABASE_REPLICA_URL (an empty one included), with a 10 s budget checked every 5 s", async () => {
    for (const url of [undefined, ""]) {
      expect(
        await replicaEnvOf({
          DATABASE_REPLICA_URL: url,
          REPLICA_MAX_LAG_SECONDS: undefined,
          REPLICA_CHECK_SECONDS: undefined,
        }),
      ).toEqual({ REPLICA_MAX_LAG_SECONDS: 10, REPLICA_CHECK_SECONDS: 5 });
    }
  });

  it("reads the URL, the budget and the interval", async () => {
    const env = await replicaEnvOf({
      DATABASE_REPLICA_URL: "postgresql://onward@replica:5432/onward",
      REPLICA_MAX_LAG_SECONDS: "2.5",
      REPLICA_CHECK_SECONDS: "0",
    });
    expect(env).toEqual({
      DATABASE_REPLICA_URL: "postgresql://onward@replica:5432/onward",
      REPLICA_MAX_LAG_SECONDS: 2.5,
      REPLICA_CHECK_SECONDS: 0,
    });
  });

  it("names the variable that is wrong", async () => {
    await expect(replicaEnvOf({ DATABASE_REPLICA_URL: "replica-host" })).rejects.toThrow(/DATABASE_REPLICA_URL/);
    await expect(replicaEnvOf({ REPLICA_MAX_LAG_SECONDS: "-1" })).rejects.toThrow(
      /REPLICA_MAX_LAG_SECONDS must be 0 or more/,
    );
    await expect(replicaEnvOf({ REPLICA_CHECK_SECONDS: "often" })).rejects.toThrow(
      /REPLICA_CHECK_SECONDS must be a number/,
    );
  });
});
