import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInWithMagicLink, signInWithPassword } from "../../e2e/helpers";

/**
 * Five screens of the demo at a phone (390 px) and a desktop (1440 px) width, light and dark, written
 * to docs/screens/<screen>-<width>-<scheme>.png. Each screen names the role that sees it.
 */
const OUT = path.resolve(import.meta.dirname, "..", "..", "docs", "screens");
const SIZES = [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
] as const;
const SCHEMES = ["light", "dark"] as const;

type Screen = { name: string; signIn: (page: Page) => Promise<void>; open: (page: Page) => Promise<void> };

async function firstLink(page: Page, list: string, pattern: RegExp) {
  await page.goto(list);
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  if (!href) throw new Error(`no link like ${pattern} on ${list}`);
  await page.goto(href);
}

const SCREENS: Screen[] = [
  {
    name: "dashboard",
    signIn: (p) => signInWithPassword(p, "exec@northwind.test"),
    open: (p) => p.goto("/dashboard").then(() => undefined),
  },
  {
    name: "lead",
    signIn: (p) => signInWithPassword(p, "csm@northwind.test"),
    open: (p) => firstLink(p, "/leads", /^\/leads\/(?!import$)[^/?]+$/),
  },
  {
    name: "project",
    signIn: (p) => signInWithPassword(p, "lead@northwind.test"),
    open: (p) => firstLink(p, "/projects", /^\/projects\/[^/]+$/),
  },
  {
    name: "portal-project",
    signIn: (p) => signInWithMagicLink(p, "po@acme.test"),
    open: (p) => firstLink(p, "/portal", /^\/portal\/projects\/[^/]+$/),
  },
  {
    name: "sign-off",
    signIn: (p) => signInWithMagicLink(p, "po@acme.test"),
    open: async (p) => {
      await firstLink(p, "/portal", /^\/portal\/projects\/[^/]+$/);
      await firstLink(p, new URL(p.url()).pathname, /\/sign-off\/[^/]+$/);
    },
  },
];

async function shoot(browser: Browser, screen: Screen, scheme: (typeof SCHEMES)[number]) {
  const context = await browser.newContext({ colorScheme: scheme, viewport: SIZES[1] });
  const page = await context.newPage();
  await screen.signIn(page);
  await expect(page).not.toHaveURL(/\/login/);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await screen.open(page);
    await page.waitForLoadState("networkidle").catch(() => undefined);
    await page.screenshot({ path: path.join(OUT, `${screen.name}-${size.width}-${scheme}.png`) });
  }
  await context.close();
}

for (const screen of SCREENS) {
  test(`${screen.name} screenshots`, async ({ browser }) => {
    for (const scheme of SCHEMES) await shoot(browser, screen, scheme);
  });
}
