import { readFile } from "node:fs/promises";
import { expect, test, type Browser } from "@playwright/test";
import { signInWithMagicLink, signInWithPassword } from "./helpers";

/**
 * docs/domain.md#guarantee, on the demo seed. A failed guarantee: the executive closes Globex's Loyalty App MVP guarantee
 * early (the final validation runs and fails), the product owner chooses a refund in the portal, the
 * admin starts the review, an executive approves it and the admin records the payment (four eyes). A met guarantee: Acme's product owner
 * downloads the Telehealth Scheduling MVP success dossier; a customer of another account cannot.
 */

async function staff(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithPassword(page, email);
  await expect(page).not.toHaveURL(/\/login/);
  return { context, page };
}

async function customer(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithMagicLink(page, email);
  await expect(page).toHaveURL(/\/portal$/);
  return { context, page };
}

test("a failed guarantee: the customer picks a refund, an executive approves it and it is marked paid", async ({
  browser,
}) => {
  // the executive ends the guarantee now: the final validation runs on today's data and fails
  const exec = await staff(browser, "exec@northwind.test");
  await exec.page.goto("/projects");
  await exec.page.getByRole("link", { name: "Loyalty App MVP", exact: true }).click();
  await expect(exec.page).toHaveURL(/\/projects\/[a-z0-9]+$/);
  const projectId = new URL(exec.page.url()).pathname.split("/").at(-1) ?? "";
  await exec.page.goto(`/projects/${projectId}/guarantee`);
  await expect(exec.page.getByRole("heading", { level: 1, name: "Guarantee: Loyalty App MVP" })).toBeVisible();
  await expect(exec.page.getByRole("heading", { name: "Standing today" })).toBeVisible();
  const close = exec.page.getByRole("form", { name: "Close the guarantee early" });
  await close
    .getByLabel(/Why does the guarantee end now/)
    .fill("The customer ended the contract early by mutual agreement.");
  await close.getByRole("button", { name: "Close the guarantee early" }).click();
  await close.getByRole("button", { name: "Confirm: run the final validation now" }).click();
  await expect(exec.page.getByRole("heading", { name: "Final validation" })).toBeVisible();
  await expect(exec.page.getByText(/Closed early/)).toBeVisible();
  await expect(exec.page.getByText("The customer has not chosen yet", { exact: false })).toBeVisible();

  // the product owner chooses a refund of the guarantee amount in the portal
  const po = await customer(browser, "po@globex.test");
  await po.page.goto(`/portal/projects/${projectId}/guarantee`);
  await expect(po.page.getByRole("heading", { name: "Your remedy" })).toBeVisible();
  await expect(po.page.getByRole("table").first()).toContainText("Functional MVP delivered within timeline");
  await po.page.getByRole("radio", { name: /Refund of the guarantee amount/ }).check();
  await po.page.getByRole("button", { name: "Confirm my choice" }).click();
  await expect(po.page.getByText("You chose:")).toBeVisible();
  await expect(po.page.getByText("Claimed", { exact: true })).toBeVisible();

  // four eyes (docs/security.md#refunds-four-eyes): the admin starts the review, the executive approves with
  // a reason and is told why the payment is someone else's step, the admin records the payment
  const admin = await staff(browser, "admin@northwind.test");
  await admin.page.goto("/refunds");
  await admin.page.getByRole("button", { name: "Start review the refund for Loyalty App MVP" }).click();
  await expect(admin.page.getByRole("row").filter({ hasText: "Loyalty App MVP" })).toContainText(
    "Awaiting an executive's decision.",
  );
  await exec.page.goto("/refunds");
  const decide = exec.page.getByRole("form", { name: "Decide the refund for Loyalty App MVP" });
  await decide
    .getByLabel(/Reason for your decision/)
    .fill("Weeks 2 to 4 were not delivered before the contract ended.");
  await decide.getByRole("button", { name: /^Approve/ }).click();
  const execRow = exec.page.getByRole("row").filter({ hasText: "Loyalty App MVP" });
  await expect(execRow).toContainText("You approved this refund, so someone else records its payment");
  await expect(execRow.getByRole("button", { name: /^Mark as paid/ })).toBeDisabled();
  await admin.page.reload();
  const pay = admin.page.getByRole("form", { name: "Record the payment of the refund for Loyalty App MVP" });
  await pay.getByLabel(/Payment reference/).fill("WIRE-E2E-0001");
  await pay.getByRole("button", { name: /^Mark as paid/ }).click();
  await expect(pay).toHaveCount(0);
  await exec.page.reload();
  await exec.page.getByRole("link", { name: /^Paid/ }).click();
  const row = exec.page.getByRole("row").filter({ hasText: "Loyalty App MVP" });
  await expect(row.getByText("Paid", { exact: true })).toBeVisible();
  await expect(row).toContainText("reference WIRE-E2E-0001");

  // the customer sees the paid refund
  await po.page.reload();
  await expect(po.page.getByText("Paid", { exact: true }).first()).toBeVisible();
  await expect(po.page.getByText(/reference WIRE-E2E-0001/)).toBeVisible();
  await exec.context.close();
  await admin.context.close();
  await po.context.close();
});

test("a met guarantee: the customer downloads the success dossier; another account cannot", async ({ browser }) => {
  const po = await customer(browser, "po@acme.test");
  await po.page.getByRole("link").filter({ hasText: "Telehealth Scheduling MVP" }).click();
  await expect(po.page).toHaveURL(/\/portal\/projects\/[a-z0-9]+$/);
  const projectPath = new URL(po.page.url()).pathname;
  await po.page.goto(`${projectPath}/guarantee`);
  await expect(po.page.getByText(/Guarantee met with/)).toBeVisible();
  const [download] = await Promise.all([
    po.page.waitForEvent("download"),
    po.page.getByRole("link", { name: "Download the success dossier" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("success-dossier-telehealth-scheduling-mvp.html");
  const dossier = await readFile(await download.path(), "utf8");
  expect(dossier).toContain("Success dossier — Telehealth Scheduling MVP");
  expect(dossier).toContain("Project summary");
  expect(dossier).toContain("Functional MVP delivered within timeline");

  // opened in the browser, the dossier keeps its styling: exactly one CSP — its own, which allows its inline
  // styles — and no violation (the app-wide API policy used to replace it)
  const dossierId = projectPath.split("/").at(-1) ?? "";
  const violations: string[] = [];
  po.page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const opened = await po.page.goto(`/api/dossier/${dossierId}`);
  const policies = ((await opened?.headersArray()) ?? [])
    .filter((h) => h.name.toLowerCase() === "content-security-policy")
    .map((h) => h.value);
  expect(policies).toHaveLength(1);
  expect(policies[0]).toContain("style-src 'unsafe-inline'");
  expect(policies[0]).not.toContain("script-src");
  await expect(po.page.getByText("Project summary").first()).toBeVisible();
  expect(violations).toEqual([]);

  // a stakeholder of another account (Globex's member, so the product owner's magic-link budget is left alone)
  const other = await customer(browser, "member@globex.test");
  const projectId = projectPath.split("/").at(-1) ?? "";
  expect((await other.page.request.get(`/api/dossier/${projectId}?download=1`)).status()).toBe(404);
  await other.page.goto(`${projectPath}/guarantee`);
  await expect(other.page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await po.context.close();
  await other.context.close();
});
