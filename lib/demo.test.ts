import { describe, expect, it } from "vitest";
import { demoModeRefusal, isDemoMode, isDevMailEnabled, isLoopbackHostname, isLoopbackRequest } from "./demo";

describe("demo mode", () => {
  it("is on only with ONWARD_DEMO=1, whatever NODE_ENV or the database", () => {
    expect(isDemoMode({ ONWARD_DEMO: "1", NODE_ENV: "production" })).toBe(true);
    expect(isDemoMode({ NODE_ENV: "development" })).toBe(false);
    expect(isDemoMode({ NODE_ENV: "test", ONWARD_EMBEDDED_DB: "1" })).toBe(false);
    expect(isDemoMode({ ONWARD_DEMO: "0" })).toBe(false);
  });

  it("refuses a public APP_URL or an email provider, in one line naming the cause", () => {
    for (const url of [
      "https://onward.example.com",
      "http://10.0.0.5:3000",
      "http://192.168.1.20",
      "http://localhost.example.com",
      "not a url",
    ]) {
      const why = demoModeRefusal({ ONWARD_DEMO: "1", APP_URL: url });
      expect(why, url).toMatch(/^Refusing to start: demo mode/);
      expect(why).not.toContain("\n");
      expect(why).toContain("APP_URL");
    }
    expect(demoModeRefusal({ ONWARD_DEMO: "1", APP_URL: "http://localhost:3000", RESEND_API_KEY: "re_123" })).toMatch(
      /RESEND_API_KEY/,
    );
  });

  it("lets loopback URLs run, and says nothing when demo mode is off", () => {
    for (const url of [
      "http://localhost:3000",
      "http://127.0.0.1:3100",
      "http://[::1]:3000",
      "http://app.localhost",
      undefined,
    ]) {
      expect(demoModeRefusal({ ONWARD_DEMO: "1", APP_URL: url }), String(url)).toBeNull();
    }
    expect(demoModeRefusal({ APP_URL: "https://onward.example.com", RESEND_API_KEY: "re_1" })).toBeNull();
  });

  it("opens the dev mail viewer in demo mode and under next dev only", () => {
    expect(isDevMailEnabled({ NODE_ENV: "production" })).toBe(false);
    expect(isDevMailEnabled({ NODE_ENV: "production", ONWARD_DEMO: "1" })).toBe(true);
    expect(isDevMailEnabled({ NODE_ENV: "development" })).toBe(true);
    expect(isDevMailEnabled({ NODE_ENV: "test" })).toBe(false);
  });
});

describe("loopback requests", () => {
  const req = (h: Record<string, string>) => isLoopbackRequest(new Headers(h));

  it("knows loopback names and addresses", () => {
    for (const h of [
      "localhost",
      "LOCALHOST.",
      "app.localhost",
      "127.0.0.1",
      "127.8.9.10",
      "::1",
      "[::1]",
      "::ffff:127.0.0.1",
    ])
      expect(isLoopbackHostname(h), h).toBe(true);
    for (const h of [
      "example.com",
      "10.0.0.1",
      "128.0.0.1",
      "0.0.0.0",
      "::",
      "localhost.example.com",
      "127.0.0.256",
      "::ffff:10.0.0.1",
    ])
      expect(isLoopbackHostname(h), h).toBe(false);
  });

  it("accepts a direct local request", () => {
    expect(req({ host: "localhost:3000" })).toBe(true);
    expect(req({ host: "127.0.0.1:3100", "x-forwarded-for": "127.0.0.1" })).toBe(true);
    expect(req({ host: "[::1]:3000", "x-forwarded-for": "::1", forwarded: 'for="[::1]:5000";proto=http' })).toBe(true);
  });

  it("refuses a public Host, a proxied visitor and a missing Host", () => {
    expect(req({ host: "onward.example.com" })).toBe(false);
    expect(req({})).toBe(false);
    expect(req({ host: "localhost:3000", "x-forwarded-for": "203.0.113.7" })).toBe(false);
    expect(req({ host: "localhost:3000", "x-forwarded-for": "127.0.0.1, 203.0.113.7" })).toBe(false);
    expect(req({ host: "localhost:3000", "x-forwarded-for": "" })).toBe(false);
    expect(req({ host: "localhost:3000", "x-real-ip": "198.51.100.4" })).toBe(false);
    expect(req({ host: "localhost:3000", forwarded: "for=198.51.100.4:8080;proto=https" })).toBe(false);
    expect(req({ host: "localhost:3000", forwarded: 'for="[2001:db8::1]"' })).toBe(false);
  });
});
