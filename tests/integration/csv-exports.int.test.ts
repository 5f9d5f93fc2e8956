import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportAlerts } from "@/app/api/alerts/export/route";
import { GET as exportLeads } from "@/app/api/leads/export/route";
import type { SessionUser } from "@/server/auth/session-user";
import { createLeadFor, createTenantFixture, type TenantFixture } from "../helpers/fixtures";

/**
 * The CSV downloads as a spreadsheet opens them: UTF-8 with a byte-order mark (Excel reads a BOM-less
 * file as the local code page and mangles "Renée" and "≥"), and in the order the page showed — the
 * leads page links its export with the same `sort` and `dir` it sorts by.
 */
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/current-user", () => ({
  currentUser: () => session.user,
  loadSessionUser: () => session.user,
}));

const APP = "http://localhost:3000";
let f: TenantFixture;

beforeAll(async () => {
  f = await createTenantFixture("csv-export");
  for (const company of ["Zephyr Renée", "Alpha ≥ Co", "Mango Works"])
    await createLeadFor(f, { company: `${company} ${f.tag}` });
});

async function bytes(res: Response): Promise<Uint8Array> {
  return new Uint8Array(await res.arrayBuffer());
}

describe("CSV exports", () => {
  it("start with a UTF-8 byte-order mark and keep accented text intact", async () => {
    session.user = f.users.CSM;
    for (const res of [
      await exportLeads(new Request(`${APP}/api/leads/export?sort=company&dir=asc`)),
      await exportAlerts(new Request(`${APP}/api/alerts/export?status=all`)),
    ]) {
      expect(res.status).toBe(200);
      const body = await bytes(res);
      expect([...body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      await bytes(await exportLeads(new Request(`${APP}/api/leads/export?sort=company&dir=asc`))),
    );
    expect(text).toContain("Zephyr Renée");
    expect(text).toContain("Alpha ≥ Co");
  });

  it("come out in the order of the page's sort and direction (the page's `dir` parameter)", async () => {
    session.user = f.users.CSM;
    const order = async (dir: string) => {
      const text = await (await exportLeads(new Request(`${APP}/api/leads/export?sort=company&dir=${dir}`))).text();
      return ["Alpha", "Mango", "Zephyr"].map((name) => text.indexOf(`${name} `)).filter((i) => i >= 0);
    };
    const asc = await order("asc");
    const desc = await order("desc");
    expect(asc).toHaveLength(3);
    expect(asc).toEqual([...asc].sort((x, y) => x - y));
    expect(desc).toEqual([...desc].sort((x, y) => y - x));
  });

  it("refuse an unknown direction with a 400 naming it", async () => {
    session.user = f.users.CSM;
    const res = await exportLeads(new Request(`${APP}/api/leads/export?dir=sideways`));
    expect(res.status).toBe(400);
  });
});
