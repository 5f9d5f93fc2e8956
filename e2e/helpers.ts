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
  const viewer = `/dev/mail?to=${encodeURIComponent(email)}`;
  const newest = async () =>
    (
      await page
        .getByTestId("mail")
        .getByRole("link", { name: /api\/auth\/callback\/email/ })
        .all()
    )[0]?.getAttribute("href") ?? null;
  await page.goto(viewer);
  const before = await newest();
  await page.goto("/login?mode=customer");
  await page.getByLabel("Your email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  // the email is written just after the answer, and only the newest link works (docs/security.md#magic-links)
  let href: string | null = null;
  await expect(async () => {
    await page.goto(viewer);
    href = await newest();
    expect(href).not.toBe(before);
  }).toPass({ timeout: 10_000 });
  if (!href) throw new Error("no magic link in the dev mail viewer");
  await page.goto(href);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}
