import { expect, test } from "@playwright/test";
import { signInWithPassword } from "./helpers";

/**
 * docs/domain.md#kpis: the executive opens the dashboard (KPIs against the docs/domain.md#kpis targets, trends drawn lazily),
 * changes the range through the URL-backed selector, and opens a KPI to the rows behind it.
 */
test("an executive reads the dashboard, changes the range and opens a KPI's rows", async ({ page }) => {
  await signInWithPassword(page, "exec@northwind.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Executive dashboard" })).toBeVisible();
  await expect(page.getByText(/Northwind Labs · last 90 days/)).toBeVisible();
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary.getByText("Active customers")).toBeVisible();
  await expect(summary.getByText("Revenue this month")).toBeVisible();
  await expect(page.getByRole("link", { name: /Project success rate/ })).toContainText("Target ≥ 95%");
  await expect(page.getByRole("heading", { name: "Recommendations" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Active alerts" })).toBeVisible();
  // the chart library arrives after the numbers, on this page only, once the section nears the viewport
  await page.getByRole("heading", { name: "Trends" }).scrollIntoViewIfNeeded();
  await expect(
    page
      .getByRole("figure", { name: /^Success rate/ })
      .locator("svg.recharts-surface")
      .first(),
  ).toBeVisible();

  const range = page.getByRole("navigation", { name: "Date range" });
  await range.getByRole("link", { name: "30 days" }).click();
  await expect(page).toHaveURL(/\/dashboard\?range=30$/);
  await expect(page.getByText(/Northwind Labs · last 30 days/)).toBeVisible();
  await expect(range.getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "page");
  await range.getByRole("link", { name: "365 days" }).click();
  await expect(page).toHaveURL(/\/dashboard\?range=365$/);
  await expect(page.getByText(/Northwind Labs · last 365 days/)).toBeVisible();

  // keyboard: focus the KPI tile and open it with Enter
  await page.getByRole("link", { name: /Project success rate/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard\/kpis\/project_success_rate\?range=365$/);
  await expect(page.getByRole("heading", { level: 1, name: "Project success rate" })).toBeVisible();
  await expect(page.getByText("guarantees decided in the range").first()).toBeVisible();
  const rows = page.getByRole("table");
  await expect(rows.getByRole("row", { name: /Shop-floor Analytics Platform/ })).toContainText("Failed");
  await expect(rows.getByRole("row", { name: /Telehealth Scheduling MVP/ })).toContainText("Yes");
  await page.getByRole("link", { name: "← Executive dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard\?range=365$/);
});

/** Runs of periods that have a value: each is one stretch of line; an empty period between two runs is a gap. */
function runsOf(cells: string[]): number {
  return cells.reduce((runs, cell, i) => (cell !== "—" && (i === 0 || cells[i - 1] === "—") ? runs + 1 : runs), 0);
}

test("trend lines break at empty periods instead of bridging them", async ({ page }) => {
  await signInWithPassword(page, "exec@northwind.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("heading", { name: "Trends" }).scrollIntoViewIfNeeded();
  await page.getByText("Show the trend numbers as a table").click();
  const rows = page.getByRole("table", { name: "Trends per period" }).locator("tbody tr");
  const column = async (index: number) =>
    (await rows.evaluateAll((trs, i) => trs.map((tr) => tr.children[i]?.textContent?.trim() ?? ""), index)).map((c) =>
      c.startsWith("—") ? "—" : c,
    );
  const lines = [
    { figure: /^Success rate/, nth: 0, column: 1 },
    { figure: /^Satisfaction/, nth: 0, column: 2 },
    { figure: /^Satisfaction/, nth: 1, column: 3 },
  ];
  let gaps = 0;
  for (const line of lines) {
    const cells = await column(line.column);
    const path = page.getByRole("figure", { name: line.figure }).locator("path.recharts-line-curve").nth(line.nth);
    await expect(path).toBeAttached();
    const d = (await path.getAttribute("d")) ?? "";
    const runs = runsOf(cells);
    gaps += Math.max(0, runs - 1);
    // one "move to" per stretch of periods with data: the line lifts over every empty period
    expect(d.match(/M/g)?.length ?? 0, `${String(line.figure)} #${line.nth}: ${cells.join(" | ")}`).toBe(runs);
  }
  expect(gaps, "the demo's last 90 days have empty periods between data").toBeGreaterThan(0);
});
