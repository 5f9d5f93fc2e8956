import { expect, test } from "@playwright/test";
import { signInWithPassword } from "./helpers";

/**
 * What the crawl (e2e/crawl.spec.ts) cannot see: a table that scrolls inside its own box never widens the
 * page, yet it may hide what matters. The health breakdown must show every column on a desktop, and a
 * week's criteria table must show weight and score on a phone (docs/quality.md#every-page).
 */
test("the health breakdown shows every column at 1440 and 1920 px", async ({ page }) => {
  await signInWithPassword(page, "csm@northwind.test");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.goto("/accounts");
  await page.locator('main a[href^="/accounts/c"]').first().click();
  const health = page
    .locator('[data-slot="card"]')
    .filter({ has: page.getByRole("heading", { level: 2, name: /^Health/ }) });
  const breakdown = health.getByRole("region");
  for (const width of [1440, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(breakdown).toBeVisible();
    const { scrollWidth, clientWidth } = await breakdown.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth, `breakdown at ${width} px`).toBeLessThanOrEqual(clientWidth);
  }
});

test("a week's criteria show their weight and score on a 360 px phone", async ({ page }) => {
  await signInWithPassword(page, "lead@northwind.test");
  await expect(page).toHaveURL(/\/projects$/);
  await page.getByRole("link", { name: "Claims System Modernization", exact: true }).click();
  await page.setViewportSize({ width: 360, height: 800 });
  const week1 = page.getByRole("region", { name: "Week 1 criteria" });
  await week1.scrollIntoViewIfNeeded();
  for (const column of ["Criterion", "Weight", "Score"]) {
    const box = await week1.getByRole("columnheader", { name: column }).boundingBox();
    expect(box, column).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0), `${column} header's right edge`).toBeLessThanOrEqual(360);
  }
});

test("a list's rows read as label and value cards on a 360 px phone, without sideways scrolling", async ({ page }) => {
  await signInWithPassword(page, "csm@northwind.test");
  await expect(page).toHaveURL(/\/leads$/);
  await page.setViewportSize({ width: 360, height: 800 });
  const table = page.getByRole("region", { name: "Leads" });
  await expect(table).toBeVisible();
  const { scrollWidth, clientWidth } = await table.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  const first = table.locator("tbody tr").first();
  await expect(first.getByText("Stage", { exact: true })).toBeVisible();
  await expect(first.getByText("Created", { exact: true })).toBeVisible();
  // the headers leave the screen but not the accessibility tree: the order is still announced
  await expect(table.getByRole("columnheader", { name: /^Created/ })).toHaveAttribute("aria-sort", "descending");
  await expect(table.getByRole("link", { name: "Company, sort" })).toBeAttached();
});
