import { expect, test } from "@playwright/test";
import { signInWithPassword } from "./helpers";

// a phone: the public assessment is mostly taken on one
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("a prospect completes the self-service assessment on a phone, sees the result, and the CSM finds the lead marked self-service", async ({
  page,
}) => {
  const stamp = Date.now();
  const company = `Playwright Clinics ${stamp}`;
  const email = `pia.${stamp}@playwright-clinics.example`;

  await page.goto("/assess/northwind-labs");
  await expect(page.getByText("Northwind Labs", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Is your project ready to start?" })).toBeVisible();
  await expect(page.getByText("Step 1 of 7")).toBeVisible();

  // four steps of readiness questions: answer "Yes" to each
  for (let step = 1; step <= 4; step += 1) {
    await expect(page.getByText(`Step ${step} of 7`)).toBeVisible();
    const yes = page.getByRole("radio", { name: "Yes", exact: true });
    const count = await yes.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i += 1) await yes.nth(i).check();
    await page.getByRole("button", { name: "Next" }).click();
    if (step === 1) {
      // answers survive a reload of the tab
      await page.reload();
      await expect(page.getByText("Step 2 of 7")).toBeVisible();
      await page.getByRole("button", { name: "Back" }).click();
      await expect(page.getByRole("radio", { name: "Yes", exact: true }).first()).toBeChecked();
      await page.getByRole("button", { name: "Next" }).click();
    }
  }

  await expect(page.getByRole("heading", { name: "Your project", exact: true })).toBeVisible();
  // Next with nothing filled in says what is missing, field by field
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose one of the budget ranges" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "List at least one feature" })).toBeVisible();
  await page
    .getByLabel(/What should the product do\?/)
    .fill("Patients book appointments\nReminders by email\nStaff dashboard");
  await page.getByLabel(/In how many weeks do you need it\?/).fill("10");
  await page.getByLabel(/How many of your people will take part\?/).fill("3");
  await page.getByLabel(/Roughly what budget/).selectOption("100k_250k");
  await page
    .getByRole("group", { name: /depend on this system/ })
    .getByRole("radio", { name: "No" })
    .check();
  await page
    .getByRole("group", { name: /keep working another way/ })
    .getByRole("radio", { name: "Yes" })
    .check();
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByRole("heading", { name: "Technology" })).toBeVisible();
  await page.getByLabel(/Technologies you use or want/).fill("TypeScript, PostgreSQL");
  await page.getByRole("checkbox", { name: "GDPR" }).check();
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByRole("heading", { name: "Where to send your result" })).toBeVisible();
  await page.getByLabel(/Your name/).fill("Pia Wright");
  await page.getByLabel(/Work email/).fill("pia@mailinator.com");
  await page.getByLabel(/^Company/).fill(company);
  await page.getByRole("button", { name: "See my result" }).click();
  await expect(page.getByText(/disposable inboxes/)).toBeVisible();
  await page.getByLabel(/Work email/).fill(email);
  await page.getByRole("button", { name: "See my result" }).click();

  await expect(page).toHaveURL(/\/assess\/northwind-labs\/result\/[\w-]{43}$/);
  await expect(page.getByTestId("readiness-score")).toHaveText("100.0/100");
  await expect(page.getByRole("heading", { name: "Services that fit" })).toBeVisible();
  await expect(page.getByTestId("recommended-tier")).not.toBeEmpty();
  await expect(page.getByRole("heading", { name: "What would raise your score" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "30-Day Success Guarantee Details" })).toBeVisible();
  // nothing wider than the phone
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const resultUrl = page.url();

  await page.getByRole("button", { name: "Book a call to start" }).click();
  await expect(page.getByText("Your call is requested.")).toBeVisible();

  // the emailed copy links back to the same result
  await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`);
  await expect(page.getByTestId("mail").first()).toContainText(new URL(resultUrl).pathname);

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInWithPassword(page, "csm@northwind.test");
  await expect(page).toHaveURL(/\/leads$/);
  await page.goto(`/leads?q=${encodeURIComponent(company)}`);
  const row = page.getByRole("row", { name: new RegExp(company) });
  await expect(row).toBeVisible();
  await expect(row.getByText("self-service")).toBeVisible();
  await expect(row.getByRole("cell", { name: "Qualified", exact: true })).toBeVisible();
});

test("an answer the server refuses takes the prospect back to its question on the first step", async ({ page }) => {
  const stamp = Date.now();
  await page.goto("/assess/northwind-labs");
  await expect(page.getByText("Step 1 of 7")).toBeVisible();
  // the first question's key, as its radios are named
  const first = (await page.getByRole("radio").first().getAttribute("name"))?.replace(/^answer-/, "") ?? "";
  for (let step = 1; step <= 4; step += 1) {
    await expect(page.getByText(`Step ${step} of 7`)).toBeVisible();
    for (const yes of await page.getByRole("radio", { name: "Yes", exact: true }).all()) await yes.check();
    await page.getByRole("button", { name: "Next" }).click();
  }
  await page.getByLabel(/What should the product do\?/).fill("Online booking");
  await page.getByLabel(/In how many weeks do you need it\?/).fill("12");
  await page.getByLabel(/How many of your people will take part\?/).fill("2");
  await page.getByLabel(/Roughly what budget/).selectOption("50k_100k");
  for (const group of [/depend on this system/, /keep working another way/])
    await page.getByRole("group", { name: group }).getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Technology" })).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel(/Your name/).fill("Rae Holt");
  await page.getByLabel(/Work email/).fill(`rae.${stamp}@playwright-dental.example`);
  await page.getByLabel(/^Company/).fill(`Playwright Dental ${stamp}`);

  // the server refuses an answer the page holds (as when the questions changed meanwhile): here the request
  // loses the first question's answer on its way, and the server's own refusal comes back
  const submit = (url: URL) => url.pathname === "/api/trpc/intake.submit";
  await page.route(submit, async (route) => {
    const body = route.request().postDataJSON() as Record<string, { json: { answers: Record<string, string> } }>;
    delete body["0"]?.json.answers[first];
    await route.continue({ postData: JSON.stringify(body) });
  });
  await page.getByRole("button", { name: "See my result" }).click();

  await expect(page.getByText("Step 1 of 7")).toBeVisible();
  const question = page.getByRole("group").first();
  await expect(question.getByRole("alert")).toHaveText("Answer this question");
  await expect(question).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("form").getByRole("alert")).toHaveCount(1);
  await expect(page.getByText(/Answer every question/)).toHaveCount(0);

  // sent again as it is, the assessment goes through
  await page.unroute(submit);
  for (let step = 1; step <= 6; step += 1) {
    await expect(page.getByText(`Step ${step} of 7`)).toBeVisible();
    await page.getByRole("button", { name: "Next" }).click();
  }
  await expect(page.getByRole("heading", { name: "Where to send your result" })).toBeVisible();
  await page.getByRole("button", { name: "See my result" }).click();
  await expect(page).toHaveURL(/\/assess\/northwind-labs\/result\/[\w-]{43}$/);
});
