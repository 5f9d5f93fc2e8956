import { expect, type Page } from "@playwright/test";

export const STAFF_PASSWORD = "onward-demo-2026";

export async function signInWithPassword(page: Page, email: string, password = STAFF_PASSWORD) {
  await page.goto("/login");
  await page.getByRole("tab", { name: "Team member" }).click();
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Requests a magic link, reads it in the dev mail viewer, and follows it. */
export async function signInWithMagicLink(page: Page, email: string) {
  await page.goto("/login?mode=customer");
  await page.getByLabel("Your email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`);
  const link = page
    .getByTestId("mail")
    .first()
    .getByRole("link", { name: /api\/auth\/callback\/email/ });
  const href = await link.getAttribute("href");
  if (!href) throw new Error("no magic link in the dev mail viewer");
  await page.goto(href);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}
