import { expect, test } from "@playwright/test";
import { signInWithPassword, signOut } from "./helpers";

/**
 * docs/domain.md#kickoff: a CSM kicks off a project from a lead at the proposal stage (the demo's Orbit Travel), then
 * the technical lead validates week 1 and sees it at risk with its recovery actions.
 */
test("a CSM kicks off a project; the technical lead validates week 1 and sees it at risk with recovery actions", async ({
  page,
}) => {
  await signInWithPassword(page, "csm@northwind.test");
  await expect(page).toHaveURL(/\/leads$/);
  await page.goto("/leads?q=Orbit");
  await page.getByRole("link", { name: "Orbit Travel" }).click();
  await expect(page.getByRole("heading", { name: "Kick off the project" })).toBeVisible();
  await page.getByLabel("Technical lead").selectOption({ label: "Theo Lang" });
  // an invalid email shows under that stakeholder's own field, and nothing is sent
  await page.getByRole("button", { name: "Add a stakeholder" }).click();
  await page.getByLabel("Stakeholder 2 name").fill("Sam Ortiz");
  await page.getByLabel("Stakeholder 2 email").fill("sam.ortiz@");
  await page.getByRole("button", { name: "Kick off the project" }).click();
  await expect(page.getByLabel("Stakeholder 2 email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Stakeholder 2 email")).toHaveAccessibleDescription(/Enter a valid email address/);
  await expect(page.getByLabel("Stakeholder 1 email")).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Remove stakeholder 2" }).click();
  await page.getByLabel("Stakeholder 1 name").fill("Lucy Kim");
  await page.getByLabel("Stakeholder 1 email").fill(`lucy.kim+${Date.now()}@orbittravel.example`);
  await page.getByRole("button", { name: "Kick off the project" }).click();
  await expect(page).toHaveURL(/\/projects\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: /Week 1: Foundation & Architecture/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Kickoff" })).toBeVisible();
  const projectUrl = page.url();
  await signOut(page);

  await signInWithPassword(page, "lead@northwind.test");
  await expect(page).toHaveURL(/\/projects$/);
  await page.goto(projectUrl);
  const week1 = page.getByRole("form", { name: "Validate week 1" });
  // the customer has not signed off the requirements yet; the rest is weak: even the best case is 75
  await week1.getByLabel(/System Architecture Designed/).fill("60");
  await week1.getByLabel(/Development Environment Setup/).fill("70");
  await week1.getByLabel(/Team Communication Established/).fill("70");
  await expect(week1.getByRole("region", { name: "Preview" })).toContainText("At risk");
  await week1.getByRole("button", { name: "Validate week 1" }).click();
  await expect(week1.getByRole("status").filter({ hasText: "Week 1 validated" })).toBeVisible();
  await expect(page.locator("#week-1").getByText("At risk", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/Week 1: Add resources to/).first()).toBeVisible();
  await expect(page.getByText("Recovery").first()).toBeVisible();
});
