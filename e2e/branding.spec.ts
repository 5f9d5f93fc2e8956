import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInWithMagicLink, signInWithPassword } from "./helpers";

/**
 * Portal branding on the demo (docs/branding.md): the Northwind admin refuses a low-contrast accent (the
 * reason names the ratio), saves a readable one and uploads a PNG logo; a customer of Northwind then sees
 * that logo and colour in the portal. The demo's branding is put back at the end for the other specs.
 */
test.describe.configure({ mode: "serial" });

const LOGO = path.join(import.meta.dirname, "fixtures", "logo.png");

test("an admin brands the portal and a customer sees it", async ({ page, browser }) => {
  await signInWithPassword(page, "admin@northwind.test");
  await expect(page).toHaveURL(/\/settings/);
  await page.goto("/settings/branding");
  await expect(page.getByRole("heading", { name: "Branding", level: 1 })).toBeVisible();

  const accent = page.getByLabel("Accent colour");
  await accent.fill("#ffeb3b");
  await expect(page.getByText(/Contrast with white 1\.\d\d:1 — needs at least 4\.5:1/)).toBeVisible();
  await page.getByRole("button", { name: "Save branding" }).click();
  // the server's measured reason is shown at the field and linked to it
  await expect(accent).toHaveAccessibleDescription(/Contrast with white is 1\..*WCAG AA/);

  await accent.fill("#0e7490");
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByText("Branding saved.")).toBeVisible();

  await page.getByLabel("Logo file").setInputFiles(LOGO);
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByText("Logo uploaded.")).toBeVisible();
  await expect(page.getByTestId("branding-logo-preview")).toBeVisible();

  const customer = await (await browser.newContext()).newPage();
  // Acme's technical lead: the product owner's magic-link budget (5 per 15 min) belongs to the portal specs
  await signInWithMagicLink(customer, "cto@acme.test");
  await expect(customer).toHaveURL(/\/portal/);
  const logo = customer.getByTestId("portal-logo");
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(96);
  const primary = await customer
    .locator(".portal-brand")
    .evaluate((el) => getComputedStyle(el).getPropertyValue("--primary").trim());
  expect(primary).toBe("#0e7490");
  await customer.context().close();

  // put the demo back as it was
  await page.getByRole("button", { name: "Remove logo" }).click();
  await expect(page.getByText("Logo removed.")).toBeVisible();
  await accent.fill("");
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByText("Branding saved.")).toBeVisible();
});
