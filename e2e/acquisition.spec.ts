import { expect, test } from "@playwright/test";
import { signInWithPassword } from "./helpers";

test("an admin's scoring change that would break the weights is refused with the reason", async ({ page }) => {
  await signInWithPassword(page, "admin@northwind.test");
  await expect(page).toHaveURL(/\/settings$/);
  await page.goto("/settings/scoring?kind=feasibility");
  const editor = page.getByLabel(/Version \d+ \(feasibility\)/);
  const original = await editor.inputValue();
  expect(original).toContain('"technical": 0.4');
  await editor.fill(original.replace('"technical": 0.4', '"technical": 0.5'));
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "add up to 1" })).toBeVisible();
});

test("a CSM exports the filtered pipeline as CSV", async ({ page }) => {
  await signInWithPassword(page, "csm@northwind.test");
  await expect(page).toHaveURL(/\/leads$/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^leads-northwind-labs-\d{4}-\d{2}-\d{2}\.csv$/);
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  const text = await readFile(path, "utf8");
  expect(text.split("\r\n")[0]).toContain("Company");
  expect(text.split("\r\n").filter(Boolean).length).toBeGreaterThan(5);
});
