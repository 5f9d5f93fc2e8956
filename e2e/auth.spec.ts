import { expect, test } from "@playwright/test";
import { signInWithMagicLink, signInWithPassword, signOut } from "./helpers";

const STAFF_HOMES = [
  { email: "admin@northwind.test", path: "/settings", heading: "Settings" },
  { email: "exec@northwind.test", path: "/dashboard", heading: "Executive dashboard" },
  { email: "csm@northwind.test", path: "/leads", heading: "Lead pipeline" },
  { email: "lead@northwind.test", path: "/projects", heading: "Projects" },
];

test.describe("staff sign-in", () => {
  for (const { email, path, heading } of STAFF_HOMES) {
    test(`${email} lands on ${path}`, async ({ page }) => {
      await signInWithPassword(page, email);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    });
  }

  test("a wrong password gets a clear message and no session", async ({ page }) => {
    await signInWithPassword(page, "csm@northwind.test", "not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
    await page.goto("/leads");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a CSM cannot open the admin settings", async ({ page }) => {
    await signInWithPassword(page, "csm@northwind.test");
    await expect(page).toHaveURL(/\/leads$/);
    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test("logging out ends the session on the server, not only in the browser", async ({ page, context, browser }) => {
    await signInWithPassword(page, "exec@northwind.test");
    await expect(page).toHaveURL(/\/dashboard$/);
    const cookies = await context.cookies();
    await signOut(page);
    // replay the old session cookie in a fresh browser context: it must no longer work
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const again = await replay.newPage();
    await again.goto("/dashboard");
    await expect(again).toHaveURL(/\/login/);
    await replay.close();
  });
});

test.describe("customer portal", () => {
  test("a product owner signs in by magic link and sees their project; staff pages are not found", async ({ page }) => {
    await signInWithMagicLink(page, "po@acme.test");
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByRole("heading", { level: 1, name: /Welcome, Paula/ })).toBeVisible();
    await page
      .getByRole("link")
      .filter({ has: page.getByRole("heading", { level: 2 }) })
      .first()
      .click();
    await expect(page).toHaveURL(/\/portal\/projects\//);
    await expect(page.getByRole("heading", { name: "Weekly milestones" })).toBeVisible();
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test("a customer of another account gets not found on the first account's project URL", async ({ page, browser }) => {
    await signInWithMagicLink(page, "po@acme.test");
    const href = await page
      .getByRole("link")
      .filter({ has: page.getByRole("heading", { level: 2 }) })
      .first()
      .getAttribute("href");
    expect(href).toMatch(/^\/portal\/projects\//);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInWithMagicLink(otherPage, "po@globex.test");
    await expect(otherPage).toHaveURL(/\/portal$/);
    await otherPage.goto(href ?? "/portal/projects/none");
    await expect(otherPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await other.close();
  });

  test("a used magic link cannot sign in twice", async ({ page, browser }) => {
    await page.goto("/login?mode=customer");
    await page.getByLabel("Your email").fill("cto@acme.test");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await page.goto("/dev/mail?to=cto%40acme.test");
    const href = await page
      .getByTestId("mail")
      .first()
      .getByRole("link", { name: /callback\/email/ })
      .getAttribute("href");
    if (!href) throw new Error("no link");
    await page.goto(href);
    await expect(page).toHaveURL(/\/portal$/);
    const second = await browser.newContext();
    const secondPage = await second.newPage();
    await secondPage.goto(href);
    await expect(secondPage).toHaveURL(/\/login/);
    await expect(secondPage.getByText("expired or was already used")).toBeVisible();
    await second.close();
  });
});

test("an admin invites a user who appears in the list", async ({ page }) => {
  await signInWithPassword(page, "admin@northwind.test");
  await expect(page).toHaveURL(/\/settings$/);
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Full name").fill("Quinn Newhire");
  await dialog.getByLabel("Email").fill("not-an-email");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog.getByText("Enter a valid email address")).toBeVisible();
  const email = `quinn.${Date.now()}@northwind.test`;
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
});

test("health reports the database and the migration", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { ok: boolean; migration: string | null };
  expect(body.ok).toBe(true);
  // the newest migration folder is the version the database reports
  const { readdir } = await import("node:fs/promises");
  const newest = (await readdir("prisma/migrations", { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .at(-1);
  expect(body.migration).toBe(newest);
});
