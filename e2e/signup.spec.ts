import { expect, test } from "@playwright/test";

/**
 * Self-serve sign-up (docs/signup.md): a visitor creates "Harbor Digital", confirms the email in the dev
 * mail viewer, chooses a password and lands signed in as the new workspace's admin, with no demo data.
 * The e2e server runs with SIGNUP=open (scripts/e2e-server.ts).
 */
test("a visitor signs up Harbor Digital, verifies the email and lands as its admin with an empty workspace", async ({
  page,
}) => {
  const run = Date.now().toString(36);
  const email = `hana@harbor-${run}.example.com`;
  const slug = `harbor-digital-${run}`;

  await page.goto("/login");
  await page.getByRole("link", { name: "Create your workspace" }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await expect(page.getByRole("heading", { name: "Create your workspace" })).toBeVisible();

  await page.getByLabel("Company name").fill("Harbor Digital");
  // the address follows the company name until edited, and is checked while typing
  await expect(page.getByLabel("Workspace address")).toHaveValue("harbor-digital");
  await page.getByLabel("Workspace address").fill("northwind-labs");
  await expect(page.getByText("Already taken: choose another address")).toBeVisible();
  await page.getByLabel("Workspace address").fill("admin");
  await expect(page.getByText("Reserved: choose another address")).toBeVisible();
  await page.getByLabel("Workspace address").fill(slug);
  await expect(page.getByText("Available", { exact: true })).toBeVisible();
  await page.getByLabel("Your name").fill("Hana Harbor");
  await page.getByLabel("Work email").fill("hana@mailinator.com");
  await page.getByRole("button", { name: "Create your workspace" }).click();
  await expect(page.getByText("Use your work email: temporary mailboxes cannot own a workspace")).toBeVisible();
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Create your workspace" }).click();
  await expect(page.getByText("Check your inbox")).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`);
  const mail = page.getByTestId("mail").first();
  await expect(
    mail.getByRole("heading", { name: "Confirm your email to create Harbor Digital on Onward" }),
  ).toBeVisible();
  const href = await mail.getByRole("link", { name: /\/signup\/verify\// }).getAttribute("href");
  if (!href) throw new Error("no verification link in the dev mail viewer");
  await page.goto(href);

  await expect(page.getByRole("heading", { name: "Create Harbor Digital" })).toBeVisible();
  await page.getByLabel("New password").fill("short");
  await page.getByLabel("Repeat the password").fill("short");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await page.getByLabel("New password").fill("harbor-founder-2026");
  await page.getByLabel("Repeat the password").fill("harbor-founder-2026");
  await page.getByRole("button", { name: "Create workspace" }).click();

  // signed in as the workspace's admin (an admin's home is /settings)
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByText("Harbor Digital", { exact: true }).filter({ visible: true }).first()).toBeVisible();
  await page.goto("/leads");
  await expect(page.getByText("No leads match")).toBeVisible();
  await expect(page.getByText("Brightwave Media")).toHaveCount(0);

  // the link worked once
  await page.goto(href);
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
});

test("the sign-up form fits a 390 px phone and is usable by keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/signup");
  await expect(page.getByLabel("Company name")).toBeFocused();
  await page.keyboard.type("Harbor Phone");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Workspace address")).toBeFocused();
  await expect(page.getByLabel("Workspace address")).toHaveValue("harbor-phone");
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/signup-390.png", fullPage: true });
});
