import { expect, test } from "@playwright/test";
import { signInWithPassword } from "./helpers";

/** Money fields read amounts through lib/money.ts and refuse what the database cannot hold (docs/money.md). */
test("a lead's estimated value: text and amounts too large are refused in money words, a real amount is kept", async ({
  page,
}) => {
  await signInWithPassword(page, "csm@northwind.test");
  await expect(page).toHaveURL(/\/leads$/);
  await page.getByRole("button", { name: "New lead" }).click();
  const dialog = page.getByRole("dialog");
  const company = `Money Check ${Date.now()}`;
  await dialog.getByLabel("Company").fill(company);
  await dialog.getByLabel("Contact name").fill("Mo Ney");
  await dialog.getByLabel("Contact email").fill("mo@example.com");
  const value = dialog.getByLabel(/^Estimated value/);

  await value.fill("abc");
  await dialog.getByRole("button", { name: "Create lead" }).click();
  await expect(dialog.getByText("“abc” is not an amount. Write it like 1234.56 or 1.234,56.")).toBeVisible();

  await value.fill("50,000,000");
  await dialog.getByRole("button", { name: "Create lead" }).click();
  await expect(dialog.getByText("The amount is above $21,474,836.47, the largest value Onward stores.")).toBeVisible();

  await value.fill("$1,250,000.50");
  await dialog.getByRole("button", { name: "Create lead" }).click();
  await expect(page.getByRole("heading", { level: 1, name: company })).toBeVisible();
  await expect(page.getByText("$1,250,000.50")).toBeVisible();
});
