import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInWithPassword } from "./helpers";

/**
 * A CSM brings 200 leads over from HubSpot (docs/import.md): uploads the default contact export, sees the
 * columns matched and the first rows, imports all or nothing, and finds the leads in the pipeline. Every
 * email in the fixture is on @hubspot-import.example, which the demo seed never uses.
 */
const FIXTURE = path.resolve(import.meta.dirname, "..", "tests", "fixtures", "hubspot-leads-200.csv");

test("a CSM imports the HubSpot export of 200 leads and finds them in the pipeline", async ({ page }) => {
  await signInWithPassword(page, "csm@northwind.test");
  await expect(page).toHaveURL(/\/leads/);
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import leads" })).toBeVisible();

  await page.getByLabel("CSV file").setInputFiles(FIXTURE);
  await expect(page.getByText("hubspot-leads-200.csv: 200 rows, 11 columns, separated by commas.")).toBeVisible();
  // HubSpot's headers are matched on their own
  await expect(page.getByLabel("Company")).toHaveValue("5");
  await expect(page.getByLabel("Company").locator("option:checked")).toHaveText("Company name (matched)");
  await expect(page.getByLabel("Email")).toHaveValue("3");
  await expect(page.getByLabel("First name")).toHaveValue("1");
  await expect(page.getByLabel("Estimated value")).toHaveValue("6");
  await expect(page.getByLabel("Source")).toHaveValue("7");
  await expect(page.getByLabel("External ID", { exact: true })).toHaveValue("0");

  // the preview: first rows as they will be imported, semicolons inside quoted company names kept
  const preview = page.getByRole("table");
  await expect(preview.getByRole("row")).toHaveCount(11);
  await expect(preview.getByRole("row").nth(1)).toContainText("Dupont; Fils & Cie 1");
  await expect(preview.getByRole("row").nth(1)).toContainText("emma.chen.1@hubspot-import.example");
  await expect(page.getByText(/with problems\. Nothing is saved yet\./)).toContainText("0 with problems");
  await expect(page.getByLabel("All or nothing")).toBeChecked();

  await page.getByRole("button", { name: "Import 200 leads" }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  const summary = page.getByLabel("Import summary");
  const created = Number(await summary.locator("dt:text-is('Created') + dd").textContent());
  const unchanged = Number(await summary.locator("dt:text-is('Unchanged') + dd").textContent());
  // 200 new on a fresh database; a second run of this spec on the same database finds them unchanged
  expect(created + unchanged).toBe(200);
  await expect(summary.locator("dt:text-is('Skipped') + dd")).toHaveText("0");

  await page.getByRole("link", { name: "See the leads" }).click();
  await expect(page).toHaveURL(/\/leads$/);
  await page.goto("/leads?q=hubspot-import.example");
  await expect(page.getByText(/^200 leads match/)).toBeVisible();
  await page.goto("/leads?q=Ren%C3%A9e");
  await expect(page.getByRole("table").getByText(/Renée/).first()).toBeVisible();
});
