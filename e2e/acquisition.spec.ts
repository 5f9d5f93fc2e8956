import { expect, test } from "@playwright/test";
import { signInWithPassword } from "./helpers";

test("an admin's scoring change that would break the weights is refused with the reason", async ({ page }) => {
  await signInWithPassword(page, "admin@northwind.test");
  await expect(page).toHaveURL(/\/settings$/);
  await page.goto("/settings/scoring?kind=feasibility");
  await page.getByRole("tab", { name: "JSON (advanced)" }).click();
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
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^leads-northwind-labs-\d{4}-\d{2}-\d{2}\.csv$/);
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  const text = await readFile(path, "utf8");
  expect(text.split("\r\n")[0]).toContain("Company");
  expect(text.split("\r\n").filter(Boolean).length).toBeGreaterThan(5);
});

test("a CSM creates a lead, qualifies it, sees the score and the recommended tier, and picks it", async ({ page }) => {
  await signInWithPassword(page, "csm@northwind.test");
  await expect(page).toHaveURL(/\/leads$/);
  await page.getByRole("button", { name: "New lead" }).click();
  const dialog = page.getByRole("dialog");
  const company = `Playwright Health ${Date.now()}`;
  await dialog.getByLabel("Company").fill(company);
  await dialog.getByLabel("Contact name").fill("Pia Wright");
  await dialog.getByLabel("Contact email").fill("pia@example.com");
  await dialog.getByRole("button", { name: "Create lead" }).click();
  await expect(page.getByRole("heading", { level: 1, name: company })).toBeVisible();

  const full = page.locator('input[type="radio"][value="full"]');
  await expect(full).toHaveCount(14);
  for (let i = 0; i < 14; i += 1) await full.nth(i).check();
  await page.getByRole("button", { name: "Save assessment" }).click();
  await expect(page.getByText(/Saved: score 100\.0\/100 \(235\/235 points/)).toBeVisible();

  await page
    .getByLabel("Requirements (one per line)")
    .fill("Patient sign-up\nAppointment booking\nEmail reminders\nAdmin dashboard");
  await page.getByLabel(/^Timeline \(weeks\)/).fill("8");
  await page.getByLabel(/^Budget \(USD\)/).fill("120000");
  await page.getByLabel(/^Customer team size/).fill("3");
  await page.getByLabel("Tech stack (comma-separated)").fill("TypeScript, PostgreSQL");
  await page.getByRole("button", { name: "Analyse feasibility" }).click();
  await expect(page.getByText(/0\.4/).first()).toBeVisible();

  await page.getByRole("button", { name: "Recommend tiers" }).click();
  const choose = page.getByRole("button", { name: /Choose this tier/ }).first();
  await expect(choose).toBeVisible();
  await choose.click();
  await expect(page.getByText(/the lead is now at the proposal stage/)).toBeVisible();
});
