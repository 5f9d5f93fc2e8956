import { expect, test } from "@playwright/test";
import { generate } from "otplib";
import { signInWithPassword, signOut } from "./helpers";

// a staff member no other spec signs in as: this spec changes how they sign in (docs/security.md#two-factor-sign-in)
const EMAIL = "lead2@northwind.test";

// five sign-ins on one account: longer than the default minute on a busy machine
test.setTimeout(180_000);

const codeAt = (secret: string, offsetSeconds: number) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

test("enrol two-factor sign-in, sign out, sign in with password and code, then on a remembered device", async ({
  page,
}) => {
  await signInWithPassword(page, EMAIL);
  await expect(page).not.toHaveURL(/\/login/);

  await page.goto("/settings/two-factor");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await page.locator("#two-factor-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]+$/);
  await page.getByLabel("2. Enter the 6-digit code the app shows").fill(await codeAt(secret, 0));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codes = page.locator("#recovery-codes li");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent())?.trim() ?? "";
  await page.getByRole("button", { name: "I saved my recovery codes" }).click();
  await expect(page.getByText(/On since/)).toBeVisible();

  await signOut(page);
  await signInWithPassword(page, EMAIL);
  const code = page.getByLabel("Authentication code");
  await expect(code).toBeVisible();
  await code.fill("000000");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText("That code is not valid.", { exact: false }).first()).toBeVisible();
  // the set-up used the current step's code: the next step's one is within ±1 and not used yet
  await code.fill(await codeAt(secret, 30));
  await page.getByLabel("Remember this device for 30 days").check();
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);

  // the remembered device skips the code
  await signOut(page);
  await signInWithPassword(page, EMAIL);
  await expect(page).not.toHaveURL(/\/login/);

  // leave the account as the seed made it: turned off with a recovery code
  await page.goto("/settings/two-factor");
  await page.getByLabel("Current code or a recovery code").fill(recovery);
  await page.getByRole("button", { name: "Turn off two-factor sign-in" }).click();
  await expect(page.getByRole("button", { name: "Set up two-factor sign-in" })).toBeVisible();
});
