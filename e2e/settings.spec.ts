import { expect, test, type Page } from "@playwright/test";
import { signInWithPassword } from "./helpers";

const ADMIN = "admin@northwind.test";

async function currentVersion(page: Page): Promise<number> {
  const line = page.getByText(/^Current version: \d+$/);
  await expect(line).toBeVisible();
  const version = Number(/\d+/.exec((await line.textContent()) ?? "")?.[0]);
  expect(version).toBeGreaterThanOrEqual(1);
  return version;
}

async function openFeasibility(page: Page) {
  await page.goto("/settings/scoring");
  await page
    .getByRole("navigation", { name: "Configuration kinds" })
    .getByRole("link", { name: "Feasibility" })
    .click();
  await expect(page).toHaveURL(/kind=feasibility/);
  await expect(page.getByRole("heading", { level: 2, name: "Feasibility" })).toBeVisible();
}

async function setWeights(page: Page, technical: string, timeline: string, resource: string) {
  await page.getByLabel("Technical weight", { exact: true }).fill(technical);
  await page.getByLabel("Timeline weight", { exact: true }).fill(timeline);
  await page.getByLabel("Resource weight", { exact: true }).fill(resource);
}

test("an admin edits the feasibility weights: live sum check, refused save, then a new version", async ({ page }) => {
  await signInWithPassword(page, ADMIN);
  await expect(page).toHaveURL(/\/settings$/);
  await openFeasibility(page);
  const technical = page.getByLabel("Technical weight", { exact: true });
  await expect(technical).toHaveValue("0.4");
  const before = await currentVersion(page);
  const save = page.getByRole("button", { name: "Save as new version" });

  // 0.5 + 0.3 + 0.3: the live sum turns red and the save is refused before reaching the server
  await technical.fill("0.5");
  await expect(page.getByText("Weights must sum to 1 (now 1.1)", { exact: true })).toBeVisible();
  await save.click();
  const refusal = page.getByRole("alert").filter({ hasText: "Not saved" });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText("add up to 1");
  await expect(page.getByText(/Saved as version/)).toHaveCount(0);
  expect(await currentVersion(page)).toBe(before);

  // 0.5 / 0.25 / 0.25 adds up: saved as the next version
  await setWeights(page, "0.5", "0.25", "0.25");
  await expect(page.getByText("Weights sum to 1 ✓", { exact: true })).toBeVisible();
  await expect(refusal).toHaveCount(0);
  await save.click();
  await expect(page.getByText(`Saved as version ${before + 1}.`)).toBeVisible();
  await expect(page.getByText(`Current version: ${before + 1}`, { exact: true })).toBeVisible();
  await expect(technical).toHaveValue("0.5");

  // stored on the server: a fresh load shows it
  await page.reload();
  await expect(page.getByLabel("Technical weight", { exact: true })).toHaveValue("0.5");
  await expect(page.getByLabel("Timeline weight", { exact: true })).toHaveValue("0.25");

  // put the seed's weights back for the specs and runs that follow
  await setWeights(page, "0.4", "0.3", "0.3");
  await save.click();
  await expect(page.getByText(`Saved as version ${before + 2}.`)).toBeVisible();
});

test("the server's refusal of a nested field shows under that field", async ({ page }) => {
  await signInWithPassword(page, ADMIN);
  await expect(page).toHaveURL(/\/settings$/);
  await openFeasibility(page);
  const before = await currentVersion(page);
  const hipaa = page.getByLabel("HIPAA penalty", { exact: true });
  await expect(hipaa).toHaveValue("12");

  // the form holds a valid configuration; what reaches the server is not (the browser's check is the same
  // schema, so only a changed request gets past it): weights adding up to 1.1 and a penalty above 100
  await page.route("**/api/trpc/config.update**", async (route) => {
    type Feasibility = { weights: Record<string, number>; technical: { compliancePenalties: Record<string, number> } };
    const body = route.request().postDataJSON() as Record<string, { json: { data: Feasibility } }>;
    const data = Object.values(body)[0]?.json.data;
    if (!data) throw new Error("no configuration in the request");
    data.weights.technical = 0.5;
    data.technical.compliancePenalties.HIPAA = 101;
    await route.continue({ postData: JSON.stringify(body) });
  });
  await page.getByRole("button", { name: "Save as new version" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "The server refused this version" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Weights" }).getByRole("alert")).toHaveText(
    "Weights must add up to 1 (they add up to 1.1)",
  );
  await expect(hipaa).toHaveAttribute("aria-invalid", "true");
  await expect(hipaa).toHaveAccessibleDescription("The compliance penalty is at most 100 points");
  expect(await currentVersion(page)).toBe(before);

  // an edit checks the draft again: the server's messages were about the version it refused
  await page.unroute("**/api/trpc/config.update**");
  await hipaa.fill("13");
  await expect(hipaa).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("region", { name: "Weights" }).getByRole("alert")).toHaveCount(0);
});

test("a save on a stale version names the newer one and reloads it", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  for (const page of [a, b]) {
    await signInWithPassword(page, ADMIN);
    await expect(page).toHaveURL(/\/settings$/);
    await openFeasibility(page);
  }
  const version = await currentVersion(a);
  expect(await currentVersion(b)).toBe(version);

  await b.getByLabel(/^Pass score/).fill("71");
  await b.getByRole("button", { name: "Save as new version" }).click();
  await expect(b.getByText(`Saved as version ${version + 1}.`)).toBeVisible();

  await a.getByLabel(/^Pass score/).fill("72");
  await a.getByRole("button", { name: "Save as new version" }).click();
  await expect(a.getByText(`Someone else saved version ${version + 1} — reload`)).toBeVisible();
  await a.getByRole("button", { name: "Reload", exact: true }).click();
  await expect(a.getByText(`Current version: ${version + 1}`, { exact: true })).toBeVisible();
  await expect(a.getByLabel(/^Pass score/)).toHaveValue("71");

  // back to the seed's pass score
  await a.getByLabel(/^Pass score/).fill("70");
  await a.getByRole("button", { name: "Save as new version" }).click();
  await expect(a.getByText(`Saved as version ${version + 2}.`)).toBeVisible();
  await first.close();
  await second.close();
});

test("an executive sees the scoring configuration read-only", async ({ page }) => {
  await signInWithPassword(page, "exec@northwind.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  await openFeasibility(page);
  const technical = page.getByLabel("Technical weight", { exact: true });
  await expect(technical).toBeVisible();
  await expect(technical).not.toBeEditable();
  await expect(page.getByText("Only admins can change scoring configuration.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save as new version" })).toHaveCount(0);

  // the JSON view is read-only too
  await page.getByRole("tab", { name: "JSON (advanced)" }).click();
  await expect(page.getByLabel(/Version \d+ \(feasibility\) as JSON/)).not.toBeEditable();

  // and so are the other kinds' forms
  await page
    .getByRole("navigation", { name: "Configuration kinds" })
    .getByRole("link", { name: "Service tiers" })
    .click();
  await expect(page.getByLabel("Startup MVP Package: Name", { exact: true })).not.toBeEditable();
  await expect(page.getByLabel("Startup MVP Package Price range: From (USD)", { exact: true })).toHaveValue("75000");
});

test("an admin saves the workspace settings in one form: a bad value is refused at its field", async ({ page }) => {
  await signInWithPassword(page, ADMIN);
  await expect(page).toHaveURL(/\/settings$/);
  const form = page.getByRole("form", { name: "Workspace settings" });
  await expect(form.getByLabel("Time zone")).toHaveValue("UTC");
  await expect(form.getByLabel("Require two-factor sign-in for staff")).not.toBeChecked();
  const staff = form.getByLabel("Sign out team members after (hours)");
  await expect(staff).toHaveValue("12");
  const save = form.getByRole("button", { name: "Save" });

  await staff.fill("73");
  await save.click();
  await expect(form.getByText("Give at most 72 hours for team members")).toBeVisible();
  await expect(form.getByText("Saved.")).toHaveCount(0);

  await staff.fill("8");
  await save.click();
  await expect(form.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole("form", { name: "Workspace settings" }).getByLabel("Sign out team members after (hours)"),
  ).toHaveValue("8");

  // put the seed's value back for the specs and runs that follow
  await page
    .getByRole("form", { name: "Workspace settings" })
    .getByLabel("Sign out team members after (hours)")
    .fill("12");
  await page.getByRole("form", { name: "Workspace settings" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
});
