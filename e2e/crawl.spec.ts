import { expect, test } from "@playwright/test";
import { checkPage, discover, report, type Finding } from "./crawl";
import { signInWithMagicLink, signInWithPassword } from "./helpers";

/**
 * Every page of every demo role, reached by following links from the role's home, and the public pages:
 * product words only, no horizontal scroll at 360 and 1440 px, no serious or critical axe violation
 * (docs/quality.md#every-page). All findings are listed at once, page by page. The pages do not depend
 * on the database engine: CI crawls them in its PostgreSQL pass and sets SKIP_CRAWL=1 for the embedded one.
 */
test.skip(process.env.SKIP_CRAWL === "1", "SKIP_CRAWL=1: crawled in the other CI pass");
const STAFF = [
  ["an administrator", "admin@northwind.test"],
  ["an executive", "exec@northwind.test"],
  ["a customer success manager", "csm@northwind.test"],
  ["a technical lead", "lead@northwind.test"],
] as const;

async function crawl(page: import("@playwright/test").Page, start: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  const pages = await discover(page, start);
  const findings: Finding[] = [];
  for (const path of pages) findings.push(...(await test.step(path, () => checkPage(page, path))));
  return { pages, findings };
}

for (const [who, email] of STAFF) {
  test(`every page ${who} reaches reads in product words, fits a phone and passes axe`, async ({ page }) => {
    test.setTimeout(20 * 60_000);
    await signInWithPassword(page, email);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    const { pages, findings } = await crawl(page, new URL(page.url()).pathname);
    expect(pages.length, pages.join(", ")).toBeGreaterThan(5);
    expect(findings, report(findings)).toEqual([]);
  });
}

test("every portal page a customer reaches reads in product words, fits a phone and passes axe", async ({ page }) => {
  test.setTimeout(20 * 60_000);
  await signInWithMagicLink(page, "sponsor@acme.test");
  await expect(page).toHaveURL(/\/portal/);
  const { pages, findings } = await crawl(page, "/portal");
  expect(
    pages.some((p) => /\/portal\/projects\/[^/]+\/guarantee$/.test(p)),
    pages.join(", "),
  ).toBe(true);
  expect(
    pages.some((p) => /\/sign-off\//.test(p)),
    pages.join(", "),
  ).toBe(true);
  expect(findings, report(findings)).toEqual([]);
});

/** A one-time survey link: the administrator runs the survey job now and reads a link in the dev mail viewer. */
async function surveyPath(browser: import("@playwright/test").Browser): Promise<string> {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signInWithPassword(admin, "admin@northwind.test");
  await expect(admin.getByRole("navigation", { name: "Main" })).toBeVisible();
  await admin.goto("/settings/jobs");
  await admin.getByRole("button", { name: /^Run now\s?:\s?Survey triggers$/ }).click();
  await expect(admin.getByRole("status").filter({ hasText: /\S/ })).toBeVisible();
  await admin.goto("/dev/mail");
  const href = await admin.locator('a[href*="/survey/"]').first().getAttribute("href");
  await context.close();
  if (!href) throw new Error("no survey link in the dev mail viewer");
  return new URL(href).pathname;
}

test("the public pages read in product words, fit a phone and pass axe", async ({ page, browser }) => {
  test.setTimeout(10 * 60_000);
  const findings: Finding[] = [];
  const survey = await surveyPath(browser);
  for (const path of ["/login", "/login?mode=customer", "/signup", "/assess/northwind-labs", survey]) {
    findings.push(...(await test.step(path, () => checkPage(page, path))));
  }
  expect(findings, report(findings)).toEqual([]);
});
