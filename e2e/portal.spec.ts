import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signInWithMagicLink, signInWithPassword, signOut } from "./helpers";

/**
 * docs/domain.md#sign-offs, on the demo's Patient Intake Portal (Acme Health, week 3 in progress): the technical lead
 * validates week 3, which then waits for the customer; the product owner signs in by magic link, sees
 * progress, signs off both deliverables of week 3 and the week is met; the week's CSAT is answered in
 * the portal and, by another stakeholder, from the email's one-time link without signing in; the
 * certificate downloads; a customer of another account finds none of it.
 */
test("a product owner follows progress, signs off week 3, answers the survey and downloads the certificate", async ({
  page,
  browser,
}) => {
  await signInWithPassword(page, "lead@northwind.test");
  await expect(page).toHaveURL(/\/projects$/);
  await page.getByRole("link", { name: "Patient Intake Portal", exact: true }).click();
  const validate = page.getByRole("form", { name: "Validate week 3" });
  await validate.getByLabel(/Quality Gates Passed/).fill("95");
  await validate.getByLabel(/Performance Benchmarks Met/).fill("95");
  await expect(validate.getByRole("region", { name: "Preview" })).toContainText("Waiting for sign-off");
  await validate.getByRole("button", { name: "Validate week 3" }).click();
  await expect(validate.getByText(/Week 3 validated/)).toBeVisible();
  // the stored score counts the two pending sign-offs as 0 until the customer decides: said so
  await expect(page.locator("#week-3").getByText("Provisional", { exact: true })).toBeVisible();
  await expect(
    page
      .locator("#week-3")
      .getByText(/provisional: sign-offs still pending count as 0 until the customer decides \(best case \d+\.\d\d\)/),
  ).toBeVisible();
  await signOut(page);

  await signInWithMagicLink(page, "po@acme.test");
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByRole("link").filter({ hasText: "Patient Intake Portal" }).click();
  await expect(page).toHaveURL(/\/portal\/projects\/[a-z0-9]+$/);
  const projectPath = new URL(page.url()).pathname;
  await expect(page.getByRole("progressbar", { name: "Overall progress" })).toBeVisible();
  await expect(page.getByText("Current week")).toBeVisible();
  await expect(page.getByRole("heading", { name: "What needs attention" })).toBeVisible();
  await expect(page.getByText(/deliverables? (is|are) waiting for your sign-off/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Upcoming deliverables" })).toBeVisible();
  const week3 = page.locator("#week-3");
  await expect(week3.getByText("In progress", { exact: true })).toBeVisible();
  await expect(week3.getByText(/scored [\d.]+% so far, final once every sign-off is decided/)).toBeVisible();

  let signOffPath = "";
  for (const criterion of ["All Features Implemented", "User Acceptance Testing"]) {
    await page
      .locator("#week-3")
      .getByRole("link", { name: new RegExp(`^Review and sign off\\s?: ${criterion}$`) })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: `Sign off: ${criterion}` })).toBeVisible();
    signOffPath = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { name: "What you are signing" })).toBeVisible();
    await expect(page.getByText("Content hash")).toBeVisible();
    await page.getByRole("radio", { name: /^Approve/ }).check();
    await page.getByLabel(/^Comment/).fill("Reviewed in the sprint demo with our team.");
    await page.getByRole("button", { name: "Record my decision" }).click();
    await expect(page.getByText(/Approved — recorded as entry #\d+/)).toBeVisible();
    await page.getByRole("link", { name: "Back to the project" }).click();
    await expect(page).toHaveURL(new RegExp(`${projectPath}$`));
  }
  // both deliverables approved: the week is re-validated with the lead's scores and is met
  await expect(page.locator("#week-3").getByText("Met", { exact: true })).toBeVisible();
  await expect(page.locator("#week-3").getByText(/so far/)).toHaveCount(0);
  await expect(
    page
      .locator("#week-3")
      .getByText(/Approved by Paula Owens/)
      .first(),
  ).toBeVisible();

  // the week's CSAT, in the portal
  const csat = page.getByRole("form", { name: "Survey" }).filter({ hasText: "week 3" });
  await csat.getByRole("radio", { name: "9", exact: true }).check();
  await csat.getByLabel(/Anything you would like to tell us/).fill("Clear demo, well prepared.");
  await csat.getByRole("button", { name: "Send answer" }).click();
  await expect(page.getByText("Thank you — your answer (9/10) was recorded.")).toBeVisible();

  // the certificate of week 3 lists every signature with its hash
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page
      .locator("#week-3")
      .getByRole("link", { name: /Download the sign-off certificate/ })
      .click(),
  ]);
  expect(download.suggestedFilename()).toBe("sign-off-certificate-patient-intake-portal-week-3.html");
  const certificate = await readFile(await download.path(), "utf8");
  expect(certificate).toContain("Sign-off certificate — Patient Intake Portal, week 3");
  expect(certificate).toContain("Paula Owens");
  expect(certificate.match(/[0-9a-f]{64}/g)?.length ?? 0).toBeGreaterThanOrEqual(6);

  // another stakeholder answers from the email's one-time link, without signing in; the link works once
  const anonymous = await browser.newContext();
  const inbox = await anonymous.newPage();
  await inbox.goto(`/dev/mail?to=${encodeURIComponent("cto@acme.test")}`);
  const mail = inbox.getByTestId("mail").filter({ hasText: "Week 3 of Patient Intake Portal" }).first();
  const surveyHref = await mail.getByRole("link", { name: /\/survey\// }).getAttribute("href");
  if (!surveyHref) throw new Error("no survey link in the dev mail viewer");
  await inbox.goto(surveyHref);
  await expect(inbox.getByRole("heading", { level: 1, name: /Patient Intake Portal/ })).toBeVisible();
  await inbox.getByRole("radio", { name: "8", exact: true }).check();
  await inbox.getByRole("button", { name: "Send answer" }).click();
  await expect(inbox.getByText("Thank you — your answer (8/10) was recorded.")).toBeVisible();
  await inbox.goto(surveyHref);
  await expect(inbox.getByRole("heading", { name: "Already answered — thank you" })).toBeVisible();
  await anonymous.close();

  // a customer of another account: the project, the sign-off page and the certificate are not found
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInWithMagicLink(otherPage, "po@globex.test");
  await expect(otherPage).toHaveURL(/\/portal$/);
  await otherPage.goto(projectPath);
  await expect(otherPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await otherPage.goto(signOffPath);
  await expect(otherPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const certificateHref = await page
    .locator("#week-3")
    .getByRole("link", { name: /Download the sign-off certificate/ })
    .getAttribute("href");
  const response = await otherPage.request.get(certificateHref ?? "/api/portal/certificate/none");
  expect(response.status()).toBe(404);
  await other.close();

  // the technical lead finds the re-validation in week 3's history: the system's, with its reason
  await signOut(page);
  await signInWithPassword(page, "lead@northwind.test");
  await expect(page).toHaveURL(/\/projects$/);
  await page.goto(projectPath.replace(/^\/portal/, ""));
  const leadWeek3 = page.locator("#week-3");
  await leadWeek3.getByText(/^Validation history/).click();
  await expect(
    leadWeek3.getByText("Re-validated automatically: The customer decided every sign-off of week 3"),
  ).toBeVisible();
});
