import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInWithMagicLink, STAFF_PASSWORD } from "./helpers";

/**
 * The three key tasks done with the keyboard alone (docs/quality.md#keyboard): a customer success manager
 * qualifies a lead, a technical lead validates a week, a customer signs off a deliverable. No mouse click:
 * focus moves with Tab / Shift+Tab, buttons and links answer Enter, radios Space, text is typed. Reaching
 * each control by Tab also proves it is in the focus order.
 */

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails if it never gets there. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 250 } = {}) {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`${target.toString()} never got the focus after ${max} key presses`);
}

async function signInWithKeyboard(page: Page, email: string) {
  await page.goto("/login");
  await tabTo(page, page.getByRole("tab", { name: "Team member" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByLabel("Work email"));
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel("Password"));
  await page.keyboard.type(STAFF_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

test("a customer success manager creates and qualifies a lead with the keyboard only", async ({ page }) => {
  await signInWithKeyboard(page, "csm@northwind.test");
  await expect(page).toHaveURL(/\/leads$/);
  await tabTo(page, page.getByRole("button", { name: "New lead" }));
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const company = `Keyboard Kitchens ${Date.now()}`;
  for (const [label, text] of [
    ["Company", company],
    ["Contact name", "Kim Keys"],
    ["Contact email", "kim@keyboard.example"],
  ] as const) {
    await tabTo(page, dialog.getByLabel(label));
    await page.keyboard.type(text);
  }
  await tabTo(page, dialog.getByRole("button", { name: "Create lead" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: company })).toBeVisible();

  // each criterion is a native radio group: Tab enters it on its first option ("Full"), Space picks it,
  // the next Tab leaves for the next group; one group answers "Partial" with the arrow key
  const full = page.locator('input[type="radio"][value="full"]');
  await expect(full).toHaveCount(14);
  for (let i = 0; i < 14; i += 1) {
    await tabTo(page, full.nth(i));
    await page.keyboard.press("Space");
    await expect(full.nth(i)).toBeChecked();
  }
  await page.keyboard.press("ArrowRight");
  await expect(page.locator('input[type="radio"][value="partial"]').nth(13)).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Save assessment" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText(/Saved: score \d+\.\d\/100 \(\d+\/235 points.*lead stage is now/)).toBeVisible();
});

test("a technical lead validates a week with the keyboard only", async ({ page }) => {
  await signInWithKeyboard(page, "lead@northwind.test");
  await expect(page).toHaveURL(/\/projects$/);
  await tabTo(page, page.getByRole("link", { name: "Claims System Modernization", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: /Claims System Modernization/ })).toBeVisible();
  const form = page.getByRole("form", { name: /^Validate week \d+$/ }).first();
  const week = ((await form.getAttribute("aria-label")) ?? "").replace("Validate week ", "");
  // every criterion the team scores (a sign-off criterion waits for the customer)
  const scores = form.getByPlaceholder("0–100");
  const count = await scores.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    await tabTo(page, scores.nth(i));
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("90");
  }
  await expect(form.getByRole("region", { name: "Preview" })).not.toContainText("0.00");
  await tabTo(page, form.getByRole("button", { name: `Validate week ${week}` }));
  await page.keyboard.press("Enter");
  await expect(form.getByText(new RegExp(`Week ${week} validated`))).toBeVisible();
});

test("a customer signs off a deliverable with the keyboard only", async ({ page }) => {
  await signInWithMagicLink(page, "po@pinecrest.test");
  await expect(page).toHaveURL(/\/portal$/);
  await tabTo(page, page.getByRole("link").filter({ hasText: "Claims System Modernization" }).first());
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/portal\/projects\/[a-z0-9]+$/);
  const review = page.getByRole("link", { name: /^Review and sign off\s?: / }).first();
  const criterion = ((await review.textContent()) ?? "").replace(/^Review and sign off\s?:\s*/, "");
  await tabTo(page, review);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: `Sign off: ${criterion}` })).toBeVisible();
  await tabTo(page, page.getByRole("radio", { name: /^Approve/ }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("radio", { name: /^Approve/ })).toBeChecked();
  await tabTo(page, page.getByLabel(/^Comment/));
  await page.keyboard.type("Walked through it with our team; approved.");
  await tabTo(page, page.getByRole("button", { name: "Record my decision" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText(/Approved — recorded as entry #\d+/)).toBeVisible();
});
