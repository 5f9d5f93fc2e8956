import { expect, test } from "@playwright/test";
import { signInWithPassword } from "./helpers";

/**
 * The notifications page marks entries read (docs/alerts.md#the-bell): one at a time, then all at
 * once, and the unread count in the header follows.
 */
test("a technical lead marks one notification read, then all of them, and the unread count follows", async ({
  page,
}) => {
  await signInWithPassword(page, "lead@northwind.test");
  const bell = page.getByRole("link", { name: /^Notifications: \d+ unread$/ });
  const unread = async () => Number(/(\d+) unread/.exec((await bell.getAttribute("aria-label")) ?? "")?.[1] ?? "NaN");
  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const start = await unread();
  expect(start).toBeGreaterThanOrEqual(2);

  const markOne = page.getByRole("button", { name: /^Mark read/ });
  await expect(markOne).toHaveCount(start);
  await markOne.first().click();
  await expect(page.getByRole("link", { name: `Notifications: ${start - 1} unread` })).toBeVisible();
  await expect(markOne).toHaveCount(start - 1);

  await page.getByRole("button", { name: `Mark all ${start - 1} read` }).click();
  await expect(page.getByRole("link", { name: "Notifications: 0 unread" })).toBeVisible();
  await expect(markOne).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Mark all/ })).toHaveCount(0);
});
