import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * The crawl behind e2e/crawl.spec.ts: every page a role can reach by following links from its home,
 * checked for the three things docs/quality.md#every-page promises on every page — product words only
 * (no "§", no "seed", no snake_case), no horizontal scroll at 360 and 1440 px, and no serious or critical
 * axe violation of the WCAG 2.2 AA rules.
 */

export const WIDTHS = [360, 1440] as const;
const HEIGHT = 900;
/** Detail pages of one shape (e.g. /projects/:id) checked per role: enough to meet each layout. */
const PER_SHAPE = 2;
const MAX_PAGES = 80;

/** Links the crawl never follows: files, sign-out, the API, and the other tenants' public pages. */
const SKIP = [/^\/api\//, /^\/login/, /^\/signup/, /^\/invite\//, /^\/assess\//, /^\/survey\//, /^\/_next\//];

const ID_AFTER = new Set(["kpis", "sign-off", "result", "verify"]);
/** /projects/ckx…/guarantee → /projects/:id/guarantee: pages of one shape share a layout. */
export function shapeOf(pathname: string): string {
  const parts = pathname.split("/");
  return parts
    .map((seg, i) => (i > 1 && (/\d/.test(seg) || seg.length >= 20 || ID_AFTER.has(parts[i - 1] ?? "")) ? ":id" : seg))
    .join("/");
}

/** Follows same-origin links breadth-first from `start`; returns the pathnames (with search) visited. */
export async function discover(page: Page, start: string): Promise<string[]> {
  const seen = new Set<string>();
  const perShape = new Map<string, number>();
  const queue = [start];
  const out: string[] = [];
  while (queue.length > 0 && out.length < MAX_PAGES) {
    const next = queue.shift() as string;
    const url = new URL(next, "http://x");
    const key = url.pathname;
    if (seen.has(key)) continue;
    seen.add(key);
    const shape = shapeOf(key);
    const n = perShape.get(shape) ?? 0;
    if (n >= PER_SHAPE) continue;
    perShape.set(shape, n + 1);
    const res = await page.goto(key);
    if (!res || res.status() >= 400) continue;
    out.push(key);
    const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const u = new URL(href);
      if (u.origin !== new URL(page.url()).origin || (u.hash && u.pathname === new URL(page.url()).pathname)) continue;
      if (SKIP.some((re) => re.test(u.pathname)) || a11yIgnored(u)) continue;
      if (!seen.has(u.pathname)) queue.push(u.pathname);
    }
  }
  return out;
}

function a11yIgnored(u: URL) {
  return u.pathname.endsWith(".csv") || u.pathname.endsWith(".ics") || u.searchParams.has("download");
}

/** Waits until the page's client-side sections have their data (no request in flight for a moment). */
export async function settle(page: Page) {
  await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
}

/**
 * Visible text that is not product words. Text inside <pre>/<code> (API examples) may show JSON keys;
 * "§" and "seed" are refused everywhere. E-mail addresses and URLs are not words.
 */
export async function jargon(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (
        !el ||
        el.closest("script,style,noscript,template") ||
        !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
      )
        continue;
      const text = (node.textContent ?? "").replace(/\S+@\S+\.\S+/g, " ").replace(/https?:\/\/\S+/g, " ");
      if (!text.trim()) continue;
      const code = el.closest("pre,code,kbd,samp") !== null;
      const bad = [
        ...(text.includes("§") ? ["§"] : []),
        ...(text.match(/\bseed(ed|s)?\b/gi) ?? []),
        ...(code ? [] : (text.match(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g) ?? [])),
        ...(code
          ? []
          : (text.match(/(?:^|\s)(?:[\d*/,-]+\s){4}[\d*/,-]+(?=\s|$)/g) ?? []).map((c) => `cron "${c.trim()}"`)),
      ];
      for (const b of bad) found.push(`${b} in "${text.trim().slice(0, 100)}"`);
    }
    return [...new Set(found)];
  });
}

/** Wider than the window: the document, and the outermost elements that stick out. */
export async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const r = el.getBoundingClientRect();
      if (r.right <= width + 1 || r.width === 0) continue;
      // report the outermost element that sticks out, not each of its children
      const parent = el.parentElement;
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > width + 1) continue;
      // content inside a horizontally scrolling box (a wide table in its scroller) is fine
      let scroller = el.parentElement;
      let scrolls = false;
      while (scroller && scroller !== document.body) {
        const ox = getComputedStyle(scroller).overflowX;
        if (ox === "auto" || ox === "scroll" || ox === "hidden" || ox === "clip") {
          scrolls = true;
          break;
        }
        scroller = scroller.parentElement;
      }
      if (scrolls) continue;
      const cls = typeof el.className === "string" ? el.className.split(/\s+/).slice(0, 4).join(".") : "";
      culprits.push(
        `<${el.tagName.toLowerCase()}${cls ? `.${cls}` : ""}> right edge ${Math.round(r.right)} px "${(el.textContent ?? "").trim().slice(0, 40)}"`,
      );
      if (culprits.length >= 5) break;
    }
    return [`document ${document.documentElement.scrollWidth} px wide`, ...culprits];
  });
}

/** Serious and critical violations of the WCAG 2.x A/AA rules (2.2 included). */
export async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ""}`,
    );
}

export type Finding = { page: string; width?: number; check: "words" | "overflow" | "axe"; detail: string };

/** Runs every check on one page at every width; returns what failed. */
export async function checkPage(page: Page, path: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const [narrow, wide] = WIDTHS;
  await page.setViewportSize({ width: wide, height: HEIGHT });
  await page.goto(path);
  await settle(page);
  for (const detail of await jargon(page)) findings.push({ page: path, check: "words", detail });
  for (const detail of await axe(page)) findings.push({ page: path, width: wide, check: "axe", detail });
  for (const detail of await overflow(page)) findings.push({ page: path, width: wide, check: "overflow", detail });
  // the layout is responsive CSS: the same document at phone width, without a second request
  await page.setViewportSize({ width: narrow, height: HEIGHT });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  for (const detail of await overflow(page)) findings.push({ page: path, width: narrow, check: "overflow", detail });
  return findings;
}

export function report(findings: Finding[]): string {
  return findings.map((f) => `${f.check}${f.width ? ` @${f.width}` : ""} ${f.page}: ${f.detail}`).join("\n");
}
