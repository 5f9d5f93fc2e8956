import { afterEach, describe, expect, it, vi } from "vitest";

/** The email settings of the environment (docs/messaging.md#headers, docs/messaging.md#pacing). */
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function envOf(vars: Record<string, string | undefined>) {
  process.env = {
    ...saved,
    DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/x",
    AUTH_SECRET: "unit-secret-unit-secret-unit-secret-0123",
    ...vars,
  };
  vi.resetModules();
  const { serverEnv } = await import("@/lib/env");
  return serverEnv;
}

describe("email environment", () => {
  it("refuses the .local default From in production once real mail can be sent", async () => {
    const env = await envOf({ NODE_ENV: "production", RESEND_API_KEY: "re_x", EMAIL_FROM: undefined });
    expect(() => env()).toThrow(/EMAIL_FROM must be an address on a domain verified with Resend/);
  });

  it("accepts it in development, or in production without a provider (mail stays in the outbox)", async () => {
    expect((await envOf({ NODE_ENV: "development", RESEND_API_KEY: "re_x" }))().EMAIL_FROM).toContain("onward.local");
    expect((await envOf({ NODE_ENV: "production", RESEND_API_KEY: undefined }))().EMAIL_FROM).toContain("onward.local");
    const real = await envOf({ NODE_ENV: "production", RESEND_API_KEY: "re_x", EMAIL_FROM: "Acme <hi@mail.acme.com>" });
    expect(real().EMAIL_FROM).toBe("Acme <hi@mail.acme.com>");
  });

  it("reads EMAIL_RATE_PER_SECOND, 2 by default, and names it when it is wrong", async () => {
    expect((await envOf({ EMAIL_RATE_PER_SECOND: undefined }))().EMAIL_RATE_PER_SECOND).toBe(2);
    expect((await envOf({ EMAIL_RATE_PER_SECOND: "10" }))().EMAIL_RATE_PER_SECOND).toBe(10);
    for (const bad of ["0", "-1", "fast"]) {
      const env = await envOf({ EMAIL_RATE_PER_SECOND: bad });
      expect(() => env()).toThrow(/EMAIL_RATE_PER_SECOND/);
    }
  });
});
