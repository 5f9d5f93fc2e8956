import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signInWithMagicLink } from "./helpers";

/**
 * A services company adopts Onward on its own (docs/signup.md, docs/onboarding.md, docs/import.md,
 * docs/branding.md): the founder signs up "Harbor Digital", confirms the email, sees the setup
 * checklist at 0, invites a CSM, imports 200 leads from a HubSpot export, brands the portal, qualifies a
 * lead — and the checklist follows each step. The CSM accepts the invitation and sees the 200 leads; a
 * customer of Harbor sees Harbor's logo in the portal. The demo tenants stay out of sight.
 */
test.describe.configure({ mode: "serial", timeout: 240_000 });

const HUBSPOT = path.resolve(import.meta.dirname, "..", "tests", "fixtures", "hubspot-leads-200.csv");
const LOGO = path.join(import.meta.dirname, "fixtures", "logo.png");
const PASSWORD = "harbor-founder-2026";

async function checklistProgress(page: Page): Promise<string> {
  await page.goto("/settings");
  return (await page.getByTestId("onboarding-progress").textContent()) ?? "";
}

async function itemDone(page: Page, key: string): Promise<boolean> {
  return (await page.getByTestId(`onboarding-${key}`).getAttribute("data-done")) === "true";
}

test("Harbor Digital signs up, sets up its workspace, and its CSM and customer see it", async ({ page, browser }) => {
  const run = Date.now().toString(36);
  const founder = `founder@harbor-${run}.example.com`;

  // sign up and confirm the email through the outbox
  await page.goto("/signup");
  await page.getByLabel("Company name").fill("Harbor Digital");
  await page.getByLabel("Workspace address").fill(`harbor-${run}`);
  await expect(page.getByText("Available", { exact: true })).toBeVisible();
  await page.getByLabel("Your name").fill("Hana Harbor");
  await page.getByLabel("Work email").fill(founder);
  await page.getByRole("button", { name: "Create your workspace" }).click();
  await expect(page.getByText("Check your inbox")).toBeVisible();
  await page.goto(`/dev/mail?to=${encodeURIComponent(founder)}`);
  const verify = await page
    .getByTestId("mail")
    .first()
    .getByRole("link", { name: /\/signup\/verify\// })
    .getAttribute("href");
  if (!verify) throw new Error("no verification link");
  await page.goto(verify);
  await page.getByLabel("New password").fill(PASSWORD);
  await page.getByLabel("Repeat the password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/settings$/);

  // the checklist starts at 0
  await expect(page.getByRole("heading", { name: "Set up your workspace" })).toBeVisible();
  expect(await checklistProgress(page)).toMatch(/^0 of 8 done/);

  // invite a CSM: the demo shows the invitation link to the admin
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog");
  const csmEmail = `casey@harbor-${run}.example.com`;
  await dialog.getByLabel("Full name").fill("Casey Success");
  await dialog.getByLabel("Email").fill(csmEmail);
  await dialog.getByLabel("Role").selectOption("CSM");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  const invite = await dialog.getByTestId("demo-invite-link").getAttribute("href");
  if (!invite) throw new Error("no invitation link");
  await page.keyboard.press("Escape");
  expect(await checklistProgress(page)).toMatch(/^1 of 8 done/);
  expect(await itemDone(page, "teamInvited")).toBe(true);

  // import the HubSpot export
  await page.goto("/leads/import");
  await page.getByLabel("CSV file").setInputFiles(HUBSPOT);
  await page.getByRole("button", { name: "Import 200 leads" }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  await expect(page.getByLabel("Import summary").locator("dt:text-is('Created') + dd")).toHaveText("200");
  expect(await checklistProgress(page)).toMatch(/^2 of 8 done/);
  expect(await itemDone(page, "hasLeads")).toBe(true);

  // brand the portal: a logo and an accent colour
  await page.goto("/settings/branding");
  await page.getByLabel("Accent colour").fill("#0e7490");
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByText("Branding saved.")).toBeVisible();
  await page.getByLabel("Logo file").setInputFiles(LOGO);
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByText("Logo uploaded.")).toBeVisible();
  expect(await checklistProgress(page)).toMatch(/^3 of 8 done/);
  expect(await itemDone(page, "portalBranded")).toBe(true);

  // a first qualification on one of the imported leads
  await page.goto("/leads?q=hubspot-import.example");
  await page.getByRole("table").getByRole("row").nth(1).getByRole("link").first().click();
  const full = page.locator('input[type="radio"][value="full"]');
  await expect(full).toHaveCount(14);
  for (let i = 0; i < 14; i += 1) await full.nth(i).check();
  await page.getByRole("button", { name: "Save assessment" }).click();
  await expect(page.getByText(/Saved: score 100\.0\/100/)).toBeVisible();
  expect(await checklistProgress(page)).toMatch(/^4 of 8 done/);
  expect(await itemDone(page, "qualificationRun")).toBe(true);

  // a customer account for Harbor's customer, imported like the leads, and its stakeholder invited
  const accounts = path.join(tmpdir(), `harbor-accounts-${run}.csv`);
  writeFileSync(
    accounts,
    `Account Name,Website,Industry\nPier Nine Logistics,https://piernine-${run}.example.com,Logistics\n`,
  );
  await page.goto("/accounts/import");
  await page.getByLabel("CSV file").setInputFiles(accounts);
  await page.getByRole("button", { name: /^Import 1 account/ }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  const customerEmail = `po@piernine-${run}.example.com`;
  await page.goto("/settings");
  await page.getByRole("button", { name: "Invite user" }).click();
  await dialog.getByLabel("Full name").fill("Pia Nine");
  await dialog.getByLabel("Email").fill(customerEmail);
  await dialog.getByLabel("Role").selectOption("CUSTOMER");
  await dialog.getByLabel("Customer account").selectOption({ label: "Pier Nine Logistics" });
  await dialog.getByLabel("Stakeholder role").selectOption("PRODUCT_OWNER");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog.getByText(`Invitation sent to ${customerEmail}.`)).toBeVisible();
  await page.keyboard.press("Escape");

  // the CSM accepts the invitation and sees Harbor's 200 leads, none of the demo's
  const csm = await (await browser.newContext()).newPage();
  await csm.goto(invite);
  await csm.getByLabel("New password").fill("casey-success-2026");
  await csm.getByLabel("Repeat the password").fill("casey-success-2026");
  await csm.getByRole("button", { name: "Set password" }).click();
  await expect(csm).toHaveURL(/\/login/);
  await csm.getByRole("tab", { name: "Team member" }).click();
  await csm.getByLabel("Work email").fill(csmEmail);
  await csm.getByLabel("Password").fill("casey-success-2026");
  await csm.getByRole("button", { name: "Sign in" }).click();
  await expect(csm).toHaveURL(/\/leads$/);
  await expect(csm.getByText(/^200 leads match/)).toBeVisible();
  await csm.goto("/leads?q=Brightwave");
  await expect(csm.getByText("Brightwave Media")).toHaveCount(0);
  await csm.context().close();

  // Harbor's customer sees Harbor's logo in the portal
  const customer = await (await browser.newContext()).newPage();
  await signInWithMagicLink(customer, customerEmail);
  await expect(customer).toHaveURL(/\/portal/);
  const logo = customer.getByTestId("portal-logo");
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await customer.context().close();
});
