import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { signInWithPassword } from "./helpers";

/**
 * An admin adds a webhook endpoint, sends a test event and sees it in the delivery log. The receiver
 * is a tiny HTTP server in this test process on 127.0.0.1 (the e2e server allows private addresses
 * with ALLOW_PRIVATE_WEBHOOKS=1); it checks the Standard Webhooks signature with the secret the page
 * showed once.
 */
type Received = { path: string; headers: IncomingHttpHeaders; body: string };
let server: Server;
let base = "";
const received: Received[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test("an admin adds a webhook endpoint, sends a test event and sees it in the delivery log", async ({ page }) => {
  const url = `${base}/e2e/${randomUUID()}`;
  await signInWithPassword(page, "admin@northwind.test");
  await expect(page).toHaveURL(/\/settings$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

  // a malformed URL is refused in the form, before anything is saved
  await page.getByLabel("Endpoint URL").fill("not a url");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("Enter a full URL, e.g. https://example.com/webhooks/onward")).toBeVisible();

  await page.getByLabel("Endpoint URL").fill(url);
  await page.getByRole("checkbox", { name: /An alert is raised/ }).check();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("Endpoint added")).toBeVisible();
  const secret = (await page.getByTestId("webhook-secret").textContent()) ?? "";
  expect(secret).toMatch(/^whsec_/);

  await page.getByRole("link", { name: url }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Delivery log" })).toBeVisible();
  await expect(page.getByText("Nothing sent yet")).toBeVisible();

  await page.getByRole("button", { name: `Send test event to ${url}` }).click();
  await expect(page.getByRole("status").filter({ hasText: /Delivered: HTTP 200/ })).toBeVisible();
  const row = page.getByTestId("delivery-row").first();
  await expect(row).toContainText("Test event");
  await expect(row).toContainText("HTTP 200");
  await expect(row).toContainText("delivered");

  // the receiver got exactly one request, and its signature verifies with the secret shown once
  const hits = received.filter((r) => url.endsWith(r.path));
  expect(hits).toHaveLength(1);
  const hit = hits[0];
  if (!hit) throw new Error("no request received");
  const headers = {
    "webhook-id": String(hit.headers["webhook-id"]),
    "webhook-timestamp": String(hit.headers["webhook-timestamp"]),
    "webhook-signature": String(hit.headers["webhook-signature"]),
  };
  expect(new Webhook(secret).verify(hit.body, headers)).toMatchObject({ type: "test.ping" });

  // clean up for later runs against the same database
  await page.getByRole("button", { name: `Delete ${url}` }).click();
  await page.getByRole("button", { name: `Confirm: delete ${url} and its delivery log` }).click();
  await expect(page).toHaveURL(/\/settings\/webhooks$/);
});
