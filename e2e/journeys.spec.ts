import { expect, test } from "@playwright/test";
import { signInWithPassword } from "./helpers";

/** docs/domain.md#journey: a CSM starts the journey of a low-scoring lead and sees it stop at qualification, with reasons. */
test("a CSM starts a journey for a low-scoring lead and sees it stop at qualification with the reasons", async ({
  page,
}) => {
  await signInWithPassword(page, "csm@northwind.test");
  await expect(page).toHaveURL(/\/leads$/);
  await page.goto("/leads?q=Redline");
  await page.getByRole("link", { name: "Redline Motors" }).click();
  await page.getByRole("button", { name: "Start the journey" }).click();
  const card = page
    .getByRole("heading", { name: "Customer journey" })
    .locator("xpath=ancestor::*[@data-slot='card'][1]");
  await expect(card.getByText("Stopped", { exact: true })).toBeVisible();
  await expect(card.getByText(/Qualification stopped:/)).toBeVisible();
  await expect(card.getByText(/^Score [\d.]+ < 60$/)).toBeVisible();
  await card.getByRole("link", { name: "Open the journey" }).click();
  await expect(page.getByRole("heading", { name: "Redline Motors: journey" })).toBeVisible();
  await expect(page.getByText("What to do").first()).toBeVisible();
});
