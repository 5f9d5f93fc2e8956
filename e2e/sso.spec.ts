import { expect, test } from "@playwright/test";
import { startOidcProvider, type TestProvider } from "../tests/helpers/oidc-provider";
import { signInWithPassword, signOut } from "./helpers";

/**
 * Single sign-on through a real OpenID Provider started by this test (oidc-provider, its own dev login and
 * consent pages): an admin sets it up on Settings, then a new team member signs in with it and is added just
 * in time (docs/security.md#single-sign-on). The server allows private addresses (scripts/e2e-server.ts).
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const CLIENT = {
  client_id: "onward-e2e",
  client_secret: "e2e-client-secret-0123",
  redirect_uris: [`http://localhost:${port}/api/sso/callback`],
};
let provider: TestProvider;

test.beforeAll(async () => {
  provider = await startOidcProvider([CLIENT]);
});
test.afterAll(async () => provider?.close());

test("an admin sets up single sign-on and a new team member signs in through the identity provider", async ({
  page,
}) => {
  const domain = `sso-${Date.now()}.test`;
  await signInWithPassword(page, "admin@northwind.test");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.goto("/settings/sso");
  await expect(page.getByTestId("sso-redirect-uri")).toHaveText(CLIENT.redirect_uris[0] ?? "");
  const form = page.getByRole("form", { name: "Single sign-on" });
  await form.getByLabel("Issuer URL").fill(provider.issuer);
  await form.getByLabel("Client ID").fill(CLIENT.client_id);
  await form.getByLabel("Client secret").fill(CLIENT.client_secret);
  await form.getByLabel("Email domains").fill(domain);
  await form.getByLabel("Who may sign in").selectOption("jit");
  await form.getByLabel("Role of people added at their first sign-in").selectOption("TECH_LEAD");
  await form.getByRole("button", { name: "Save single sign-on" }).click();
  await expect(form.getByText("Single sign-on saved.")).toBeVisible();
  // the secret is write-only: the field is empty again and says a secret is saved
  await expect(form.getByLabel("Client secret")).toHaveValue("");
  await expect(form.getByText(/Saved and never shown again/)).toBeVisible();
  await signOut(page);

  await page.goto("/login");
  await page.getByRole("link", { name: "Sign in with SSO" }).click();
  // the password form has a "Work email" field too: fill the one of the single sign-on form, once it is there
  const ssoForm = page.getByRole("form", { name: "Single sign-on" });
  await ssoForm.getByLabel("Work email").fill(`robin@${domain}`);
  await expect(ssoForm.getByLabel("Work email")).toHaveValue(`robin@${domain}`);
  await ssoForm.getByRole("button", { name: "Continue with single sign-on" }).click();
  // the identity provider's own pages
  await page.locator('input[name="login"]').fill(`robin@${domain}`);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page).toHaveURL(/\/projects$/);
});

test("a refused single sign-on says why on the login page", async ({ page }) => {
  await page.goto("/api/sso/callback?code=forged&state=forged");
  await expect(page).toHaveURL(/\/login\?mode=sso&sso_error=state/);
  await expect(page.getByText(/could not be matched to the one started in this browser/)).toBeVisible();
  await page.getByLabel("Work email").fill("someone@no-sso.example");
  await page.getByRole("button", { name: "Continue with single sign-on" }).click();
  await expect(page.getByText(/not set up for this email domain/).first()).toBeVisible();
});
