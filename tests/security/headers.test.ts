import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";
import { recordFigure } from "./figures";

/**
 * Security headers (docs/security.md#web-hardening-decisions). Pages get a per-request nonce CSP from proxy.ts (lib/csp.ts); every
 * response, API routes included, gets next.config.ts's headers. e2e/security.spec.ts checks the same
 * headers on a running production server.
 */
let checks = 0;
const check = (ok: boolean, what: string) => {
  checks += 1;
  expect(ok, what).toBe(true);
};

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name = "", ...values]) => [name, values]),
  );
}

async function configHeaders(env: "production" | "test") {
  vi.stubEnv("NODE_ENV", env);
  vi.resetModules();
  const config = (await import("@/next.config")).default;
  const rules = (await config.headers?.()) ?? [];
  return {
    config,
    rules,
    all: new Map(rules.flatMap((r) => r.headers.map((h) => [h.key.toLowerCase(), h.value] as const))),
  };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("content security policy for pages (lib/csp.ts)", () => {
  it("allows scripts only with this request's nonce: no 'unsafe-inline' or 'unsafe-eval' in production", () => {
    const nonce = newNonce();
    const csp = directives(contentSecurityPolicy(nonce, false));
    const scripts = csp.get("script-src") ?? [];
    check(scripts.includes(`'nonce-${nonce}'`), "script-src carries the nonce");
    check(!scripts.includes("'unsafe-inline'"), "no 'unsafe-inline' for scripts");
    check(!scripts.includes("'unsafe-eval'"), "no 'unsafe-eval' in production");
    check(
      !scripts.some((s) => s === "*" || s === "http:" || s === "https:" || s === "data:"),
      "no wildcard script sources",
    );
    check((csp.get("frame-ancestors") ?? []).join(" ") === "'none'", "frame-ancestors 'none'");
    check((csp.get("object-src") ?? []).join(" ") === "'none'", "object-src 'none'");
    check((csp.get("default-src") ?? []).join(" ") === "'self'", "default-src 'self'");
    check(["'self'", "'none'"].includes((csp.get("base-uri") ?? []).join(" ")), "base-uri locked");
    check((csp.get("form-action") ?? []).join(" ") === "'self'", "forms post only to Onward");
    check(csp.has("upgrade-insecure-requests"), "upgrade-insecure-requests in production");
    // development only adds 'unsafe-eval' (React's dev tooling), never 'unsafe-inline' for scripts
    const dev = directives(contentSecurityPolicy(nonce, true)).get("script-src") ?? [];
    check(!dev.includes("'unsafe-inline'"), "no 'unsafe-inline' for scripts in development either");
  });

  it("makes a fresh, unguessable nonce for every request", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => newNonce()));
    check(nonces.size === 1000, "1000 distinct nonces");
    check(
      [...nonces].every((n) => Buffer.from(n, "base64").length === 16),
      "128-bit nonces",
    );
  });

  it("is set by proxy.ts on every page response and handed to Next.js through the request", async () => {
    const { proxy, config } = await import("@/proxy");
    const response = proxy(new NextRequest("http://localhost:3000/dashboard"));
    const policy = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    check(Boolean(nonce), "the page response carries a nonce CSP");
    check(response.headers.get("x-middleware-request-x-nonce") === nonce, "the layout receives the same nonce");
    check(
      response.headers.get("x-middleware-request-content-security-policy") === policy,
      "Next.js receives the policy to nonce its own scripts",
    );
    check(
      response.status === 200 && !response.headers.get("location"),
      "the proxy decides no access: pages check it themselves",
    );
    const second = proxy(new NextRequest("http://localhost:3000/dashboard")).headers.get("content-security-policy");
    check(second !== policy, "each request gets its own nonce");
    const matcher = JSON.stringify(config.matcher);
    check(matcher.includes("api/"), "API routes are left to next.config.ts's policy");
  });
});

describe("headers on every response (next.config.ts)", () => {
  it("sets nosniff, a referrer policy, no framing, a locked-down CSP for non-pages, and HSTS in production", async () => {
    const { config, rules, all } = await configHeaders("production");
    check(
      rules.some((r) => r.source === "/:path*"),
      "headers apply to every path",
    );
    check(all.get("x-content-type-options") === "nosniff", "X-Content-Type-Options: nosniff");
    check(
      ["no-referrer", "strict-origin-when-cross-origin", "same-origin", "strict-origin"].includes(
        all.get("referrer-policy") ?? "",
      ),
      "Referrer-Policy",
    );
    check(all.get("x-frame-options") === "DENY", "X-Frame-Options: DENY");
    const csp = directives(all.get("content-security-policy") ?? "");
    check((csp.get("frame-ancestors") ?? []).join(" ") === "'none'", "API CSP frame-ancestors 'none'");
    check((csp.get("default-src") ?? []).join(" ") === "'none'", "API CSP default-src 'none'");
    const hsts = all.get("strict-transport-security") ?? "";
    check(
      /max-age=(\d+)/.test(hsts) && Number(/max-age=(\d+)/.exec(hsts)?.[1]) >= 31_536_000,
      "HSTS for at least a year in production",
    );
    check(config.poweredByHeader === false, "no X-Powered-By");
  });

  it("sends no HSTS outside production (a plain-http localhost must stay reachable)", async () => {
    const { all } = await configHeaders("test");
    check(!all.has("strict-transport-security"), "no HSTS in test/development");
  });

  it("isolates the browsing context, keeps responses to Onward's own pages and user data out of caches", async () => {
    const { rules } = await configHeaders("production");
    const headersFor = (path: string) => {
      const out = new Map<string, string>();
      for (const rule of rules) {
        const pattern = new RegExp(
          `^${rule.source
            .replace(/:path\((.*)\)$/, "($1)")
            .replace(/:path\*$/, ".*")
            .replace(/\//g, "\\/")}$`,
        );
        if (pattern.test(path)) for (const h of rule.headers) out.set(h.key.toLowerCase(), h.value);
      }
      return out;
    };
    const page = headersFor("/dashboard");
    check(page.get("cross-origin-opener-policy") === "same-origin", "COOP same-origin");
    check(page.get("cross-origin-resource-policy") === "same-origin", "CORP same-origin for pages");
    const policy = page.get("permissions-policy") ?? "";
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "display-capture"])
      check(policy.includes(`${feature}=()`), `Permissions-Policy denies ${feature}`);
    check(headersFor("/api/trpc/leads.list").get("cache-control") === "private, no-store", "no-store on tRPC");
    check(headersFor("/api/leads/export").get("cache-control") === "private, no-store", "no-store on exports");
    const logo = headersFor("/api/branding/logo/t1");
    check(logo.get("cross-origin-resource-policy") === "cross-origin", "the logo may be shown in mail clients");
    check(!logo.has("cache-control"), "the logo keeps its own caching");
  });

  it("reports how many header checks ran", () => {
    expect(checks).toBeGreaterThanOrEqual(25);
    recordFigure("headers", {
      title: "security headers",
      lines: [`${checks} header checks passed (CSP, nonce, proxy, next.config, HSTS)`],
      ok: true,
    });
  });
});
