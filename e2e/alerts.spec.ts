import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signInWithPassword } from "./helpers";

/**
 * All of a tenant's alerts, beyond the dashboard's eight: a CSM filters the open ones by severity,
 * resolves one with a note, finds it under "Resolved" and downloads that list as CSV.
 */
test("a CSM filters the open alerts, resolves one with a note and finds it resolved", async ({ page }) => {
  await signInWithPassword(page, "csm@northwind.test");
  await page.getByRole("link", { name: "Alerts", exact: true }).click();
  await expect(page).toHaveURL(/\/alerts$/);
  await expect(page.getByRole("heading", { level: 1, name: "Alerts" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Alert status" }).getByRole("link", { name: "Open" }),
  ).toHaveAttribute("aria-current", "page");

  await page
    .getByRole("navigation", { name: "Severity" })
    .getByRole("link", { name: /^Warning \(\d+ open\)$/ })
    .click();
  await expect(page).toHaveURL(/\/alerts\?status=open&severity=WARNING$/);
  const rows = page.getByRole("table").getByRole("row");
  const first = rows.nth(1);
  await expect(first).toContainText("Warning");
  await expect(first).toContainText(/Account at risk|Week at risk/);
  const message = (await first.getByRole("link").first().textContent()) ?? "";
  expect(message.length).toBeGreaterThan(0);
  const before = await rows.count();

  await first.getByText("Resolve…").click();
  await first.getByLabel("What was done (optional)").fill("Reviewed with the technical lead; gates pass again.");
  await first.getByRole("button", { name: "Resolve alert" }).click();
  await expect(rows).toHaveCount(before - 1);

  await page.getByRole("navigation", { name: "Alert status" }).getByRole("link", { name: "Resolved" }).click();
  await expect(page).toHaveURL(/\/alerts\?status=resolved&severity=WARNING$/);
  const resolved = page.getByRole("row").filter({ hasText: message }).first();
  await expect(resolved).toContainText(/Resolved [A-Z][a-z]{2} \d{1,2}, \d\d:\d\d UTC/);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const csv = await readFile((await (await download).path()) ?? "", "utf8");
  // a UTF-8 byte-order mark first, for spreadsheets
  expect(csv.startsWith("\uFEFF")).toBe(true);
  expect(csv.slice(1).split("\r\n")[0]).toBe("Severity,Kind,Message,Project,Account,Raised,Resolved");
  expect(csv).toContain(message);
});
