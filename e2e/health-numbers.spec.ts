import { expect, test } from "@playwright/test";
import { signInWithPassword } from "./helpers";

/**
 * On the demo: an account's health reads the same on the account list and its page (docs/health.md), every
 * account in a strategy band has a plan or says why not, and the list filters by band.
 */
test("a CSM reads one health score per account, on the list and on the account page", async ({ page }) => {
  await signInWithPassword(page, "csm@northwind.test");
  await expect(page.getByRole("heading", { level: 1, name: "Lead pipeline" })).toBeVisible();
  await page.goto("/accounts");
  await expect(page.getByRole("heading", { level: 1, name: "Customer health" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Vela Fintech" }) });
  const listed = (await row.getByRole("cell").nth(1).innerText()).trim();
  expect(listed).toMatch(/^\d+(\.\d)?$/);
  // no account sits in a band without a plan and without a reason
  await expect(page.getByRole("cell", { name: /^No plan$/ })).toHaveCount(0);

  await row.getByRole("link", { name: "Vela Fintech" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vela Fintech" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Health/ })).toContainText(listed);

  await page.goto("/accounts?sort=health_asc&band=at_risk");
  await expect(page.getByRole("link", { name: "Vela Fintech" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Acme Health" })).toHaveCount(0);
});
