import { expect, test, type Page } from "@playwright/test";
import { signInWithMagicLink, signInWithPassword } from "./helpers";

/**
 * docs/security.md on a running production server (the integration tests under tests/security/ cover every
 * route, page and procedure without a browser; this checks what only a real server shows): the headers
 * Next.js actually sends, the CSP not breaking the page, cross-site and bypass-header requests, the
 * session cookie's flags, and a sample of pages visited as each role.
 */

const BYPASS_HEADERS = {
  "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
  "x-middleware-prefetch": "1",
  "x-invoke-path": "/settings",
  "x-nextjs-data": "1",
};

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name = "", ...values]) => [name.toLowerCase(), values]),
  );
}

test.describe("headers", () => {
  test("a page gets exactly one CSP — the per-request nonce policy — and it does not block the page's own scripts", async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const res = await page.goto("/login");
    if (!res) throw new Error("no response for /login");
    const all = await res.headersArray();
    const csps = all.filter((h) => h.name.toLowerCase() === "content-security-policy").map((h) => h.value);
    expect(csps).toHaveLength(1);
    const csp = directives(csps[0] ?? "");
    const scripts = csp.get("script-src") ?? [];
    const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce, "script-src carries a nonce").toBeTruthy();
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    const header = (name: string) => all.find((h) => h.name.toLowerCase() === name)?.value;
    expect(header("x-content-type-options")).toBe("nosniff");
    expect(header("referrer-policy")).toBeTruthy();
    expect(header("x-frame-options")).toBe("DENY");
    expect(header("strict-transport-security")).toMatch(/max-age=\d{8,}/);
    expect(header("x-powered-by")).toBeUndefined();
    // every executable script Next.js rendered carries this response's nonce
    const html = await res.text();
    const tags = (html.match(/<script\b[^>]*>/g) ?? []).filter(
      (t) => !/type="(?!text\/javascript|module)[^"]*"/.test(t),
    );
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    expect(violations).toEqual([]);
    // a second request gets another nonce
    const again = (await page.request.get("/login")).headers()["content-security-policy"] ?? "";
    expect(again).not.toContain(`'nonce-${nonce}'`);
  });

  test("API routes get the locked-down policy and nosniff", async ({ request }) => {
    const res = await request.get("/api/health");
    const h = res.headers();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(directives(h["content-security-policy"] ?? "").get("default-src")).toEqual(["'none'"]);
    expect(directives(h["content-security-policy"] ?? "").get("frame-ancestors")).toEqual(["'none'"]);
    expect(h["referrer-policy"]).toBeTruthy();
  });
});

test.describe("cross-site requests", () => {
  test("a POST to /api/trpc from another origin, or as text/plain, is refused", async ({ request }) => {
    const body = JSON.stringify({ json: { company: "CSRF Co", contactName: "Eve", contactEmail: "eve@example.com" } });
    const foreign = await request.post("/api/trpc/leads.create", {
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      data: body,
    });
    expect(foreign.status()).toBe(403);
    const plain = await request.post("/api/trpc/leads.create", {
      headers: { "content-type": "text/plain" },
      data: body,
    });
    expect(plain.status()).toBe(415);
  });

  test("a form on another page that posts to /api/trpc with the user's cookies changes nothing", async ({
    page,
    baseURL,
  }) => {
    await signInWithPassword(page, "csm@northwind.test");
    await expect(page).toHaveURL(/\/leads$/);
    const company = `CSRF form ${Date.now()}`;
    // about:blank is another origin: the browser sends Origin: null (and withholds the Lax cookie)
    await page.goto("about:blank");
    await page.setContent(
      `<form id="f" method="POST" enctype="text/plain" action="${baseURL}/api/trpc/leads.create">` +
        `<input name='{"json":{"company":"${company}","contactName":"Eve","contactEmail":"eve@example.com","x":"' value='"}}'></form>`,
    );
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/trpc/leads.create")),
      page.evaluate(() => (document.getElementById("f") as HTMLFormElement).submit()),
    ]);
    expect([403, 415]).toContain(response.status());
    // the CSM's own session (same browser context) finds no such lead
    const list = await page.request.get(
      `/api/trpc/leads.list?input=${encodeURIComponent(JSON.stringify({ json: { search: company } }))}`,
    );
    expect(list.status()).toBe(200);
    expect(await list.text()).not.toContain(company);
  });
});

/** What only the admin settings page shows: with any of the bypass headers, it must never be served. */
const ADMIN_ONLY = /Invite a user|Users and roles/;

test.describe("Next.js bypass headers reach nothing protected", () => {
  test("anonymous with x-middleware-subrequest and friends gets no protected content; the API still says 401", async ({
    page,
    request,
  }) => {
    // Next answers some of these headers with an empty payload ("{}") instead of the page: either way,
    // nothing of the admin page may come back, and without them the page still sends anonymous to sign-in
    const res = await request.get("/settings", { headers: BYPASS_HEADERS, maxRedirects: 0 });
    expect(res.status()).toBeLessThan(500);
    expect(await res.text()).not.toMatch(ADMIN_ONLY);
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/login/);
    const url = `/api/trpc/users.list?input=${encodeURIComponent(JSON.stringify({ json: { page: 1, pageSize: 5 } }))}`;
    const api = await request.get(url, { headers: BYPASS_HEADERS });
    // whatever Next makes of the headers, no user list comes back
    expect(api.status()).toBeLessThan(500);
    expect(await api.text()).not.toContain("@northwind.test");
    expect((await request.get(url)).status()).toBe(401);
  });

  test("a CSM with the same headers still gets no admin settings", async ({ page }) => {
    await signInWithPassword(page, "csm@northwind.test");
    await expect(page).toHaveURL(/\/leads$/);
    const res = await page.request.get("/settings", { headers: BYPASS_HEADERS, maxRedirects: 0 });
    expect(res.status()).toBeLessThan(500);
    expect(await res.text()).not.toMatch(ADMIN_ONLY);
    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await signInWithPassword(page, "exec@northwind.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  const session = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(session).toBeDefined();
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  // plain http here; over https Auth.js sets __Secure-…; Secure (tests/security/session-cookies.int.test.ts)
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});

/** A sample of the page matrix (tests/security/pages-matrix.int.test.ts has every page) through the real server, layouts included. */
const SAMPLE = ["/settings", "/dashboard", "/leads", "/projects", "/portal"] as const;
const ACCESS: Record<
  string,
  { signIn: (page: Page) => Promise<void>; home: RegExp; sees: readonly (typeof SAMPLE)[number][] }
> = {
  admin: {
    signIn: (p) => signInWithPassword(p, "admin@northwind.test"),
    home: /\/settings$/,
    sees: ["/settings", "/dashboard", "/leads", "/projects"],
  },
  executive: {
    signIn: (p) => signInWithPassword(p, "exec@northwind.test"),
    home: /\/dashboard$/,
    sees: ["/dashboard", "/leads", "/projects"],
  },
  csm: { signIn: (p) => signInWithPassword(p, "csm@northwind.test"), home: /\/leads$/, sees: ["/leads", "/projects"] },
  "tech lead": {
    signIn: (p) => signInWithPassword(p, "lead@northwind.test"),
    home: /\/projects$/,
    sees: ["/projects"],
  },
  customer: { signIn: (p) => signInWithMagicLink(p, "po@acme.test"), home: /\/portal$/, sees: ["/portal"] },
};

for (const [who, access] of Object.entries(ACCESS)) {
  test(`pages as ${who}: the sample opens exactly where allowed`, async ({ page }) => {
    await access.signIn(page);
    await expect(page).toHaveURL(access.home);
    for (const path of SAMPLE) {
      const res = await page.goto(path);
      // the status too: a refusal must not be a 200 that streams a 404 page behind a loading state
      expect(res?.status(), `${who} ${path}`).toBe(access.sees.includes(path) ? 200 : 404);
      const notFound = page.getByRole("heading", { name: "Page not found" });
      if (access.sees.includes(path)) {
        await expect(page).toHaveURL(new RegExp(`${path}$`));
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        await expect(notFound, `${who} should see ${path}`).toHaveCount(0);
      } else {
        await expect(notFound, `${who} must not see ${path}`).toBeVisible();
      }
    }
  });
}

test("pages with a loading state answer 404 for a refused visit or an unknown id, before streaming", async ({
  page,
}) => {
  await signInWithPassword(page, "lead@northwind.test");
  await expect(page).toHaveURL(/\/projects$/);
  for (const path of ["/dashboard", "/dashboard/kpis/net_promoter_score", "/settings/scoring"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  await page.context().clearCookies();
  await signInWithPassword(page, "exec@northwind.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  expect((await page.goto("/dashboard/kpis/no-such-kpi"))?.status()).toBe(404);
  expect((await page.goto("/settings/scoring"))?.status()).toBe(200);
});
