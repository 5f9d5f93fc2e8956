import type { CountingProxy } from "./count-proxy";
import type { GeneratedTenant } from "./generate";
import { load, type LoadResult } from "./load";
import { trpcQueryUrl } from "./next-server";
import type { RawServer } from "./raw-server";

/**
 * P1 and P2 for one tenant (bench/README.md): statements per request (sequential requests through the
 * counting proxy, after a warm-up), then the same load — autocannon, 10 connections — on
 * `dashboard.summary` over HTTP as the executive and on the raw-SQL server.
 */
export const DASHBOARD_DAYS = 90;
const WARMUP = 10;
const COUNTED = 5;

export type DashboardFigures = {
  next: LoadResult;
  raw: LoadResult;
  statementsPerRequest: number;
  rawStatementsPerRequest: number;
  pageStatements: number;
  portalPageStatements: number | null;
};

async function statementsPer(proxy: CountingProxy, url: string, headers: Record<string, string>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await expectOk(url, headers);
  const before = proxy.statements();
  for (let i = 0; i < COUNTED; i++) await expectOk(url, headers);
  return (proxy.statements() - before) / COUNTED;
}

async function expectOk(url: string, headers: Record<string, string>) {
  const res = await fetch(url, { headers, redirect: "manual" });
  const body = await res.text();
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 300)}`);
  return body;
}

export async function measureDashboard(opts: {
  proxy: CountingProxy;
  baseUrl: string;
  cookie: string;
  customerCookie: string | null;
  raw: RawServer;
  tenant: GeneratedTenant;
  connections: number;
  durationS: number;
}): Promise<DashboardFigures> {
  const headers = { cookie: opts.cookie };
  const url = trpcQueryUrl(opts.baseUrl, "dashboard.summary", { range: { days: DASHBOARD_DAYS } });
  const rawUrl = opts.raw.url(opts.tenant.tenantId, DASHBOARD_DAYS);
  const body = JSON.parse(await expectOk(url, headers)) as {
    result?: { data?: { json?: { tenant?: { name?: string } } } };
  };
  const name = body.result?.data?.json?.tenant?.name;
  if (!name?.startsWith("Bench"))
    throw new Error(`dashboard.summary did not answer for the bench tenant (got ${name})`);
  const statementsPerRequest = await statementsPer(opts.proxy, url, headers);
  const rawStatementsPerRequest = await statementsPer(opts.proxy, rawUrl, {});
  const pageStatements = await statementsPer(opts.proxy, `${opts.baseUrl}/dashboard`, headers);
  // P2 for the portal: the customer's project page, server-rendered (its statements are the page's)
  const portalPageStatements = opts.customerCookie
    ? await statementsPer(opts.proxy, `${opts.baseUrl}/portal/projects/${opts.tenant.portalProjectId}`, {
        cookie: opts.customerCookie,
      })
    : null;
  const next = await load(url, { connections: opts.connections, durationS: opts.durationS, headers });
  const raw = await load(rawUrl, { connections: opts.connections, durationS: opts.durationS });
  return { next, raw, statementsPerRequest, rawStatementsPerRequest, pageStatements, portalPageStatements };
}
