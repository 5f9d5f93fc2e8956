import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as importAccounts } from "@/app/api/import/accounts/route";
import { POST as importLeads } from "@/app/api/import/leads/route";
import type { SessionUser } from "@/server/auth/session-user";
import { createTenantFixture, testDb, type TenantFixture } from "../helpers/fixtures";

/**
 * CSV import through its route handlers (docs/import.md), against the real database: preview before
 * writing, all-or-nothing and skip modes, re-import without duplicates, tenant isolation, the audit entry,
 * the limits and who may call it. The signed-in user is mocked at currentUser(), as in the route matrix.
 */
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/current-user", () => ({
  currentUser: () => session.user,
  loadSessionUser: () => session.user,
}));

const FIXTURE = new Uint8Array(
  readFileSync(path.resolve(import.meta.dirname, "..", "fixtures", "hubspot-leads-200.csv")),
);
const HUBSPOT_HEADER = "Record ID,First Name,Last Name,Email,Phone Number,Company name,Annual Revenue,Original Source";

type Fields = { mode?: string; dryRun?: string; mapping?: string };
function upload(content: Uint8Array<ArrayBuffer> | string, fields: Fields = {}, name = "contacts.csv"): Request {
  const form = new FormData();
  form.set("file", new File([content], name, { type: "text/csv" }));
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.set(k, v);
  return new Request("http://localhost/api/import/leads", { method: "POST", body: form });
}
const as = (user: SessionUser | null) => {
  session.user = user;
};
async function post(handler: (r: Request) => Promise<Response>, request: Request) {
  const res = await handler(request);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const leadsOf = (f: TenantFixture) =>
  testDb().lead.findMany({
    where: { tenantId: f.tenant.id, contactEmail: { endsWith: ".example" } },
    orderBy: { contactEmail: "asc" },
  });
const importAudits = (f: TenantFixture, action = "leads.imported") =>
  testDb().auditEvent.findMany({ where: { tenantId: f.tenant.id, action } });

let a: TenantFixture;
let b: TenantFixture;
beforeAll(async () => {
  a = await createTenantFixture("import-a");
  b = await createTenantFixture("import-b");
});

describe("lead import", () => {
  it("previews the HubSpot export: auto-mapping, first rows, counts — and writes nothing", async () => {
    as(a.users.CSM);
    const { status, body } = await post(importLeads, upload(FIXTURE, {}, "hubspot-leads-200.csv"));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      dryRun: true,
      fileName: "hubspot-leads-200.csv",
      delimiter: ",",
      rowCount: 200,
      missing: [],
      errorCount: 0,
      counts: { create: 200, update: 0, unchanged: 0, invalid: 0 },
      mapping: {
        externalId: 0,
        firstName: 1,
        lastName: 2,
        email: 3,
        phone: 4,
        company: 5,
        estimatedValue: 6,
        source: 7,
      },
    });
    const preview = body.preview as { row: number; values: Record<string, string>; action: string }[];
    expect(preview).toHaveLength(10);
    expect(preview[0]).toMatchObject({
      row: 2,
      action: "create",
      values: { company: "Dupont; Fils & Cie 1", email: "emma.chen.1@hubspot-import.example" },
    });
    expect(await leadsOf(a)).toHaveLength(0);
    expect(await importAudits(a)).toHaveLength(0);
  });

  it("all or nothing (the default): one bad row → 400 naming it, nothing written", async () => {
    as(a.users.CSM);
    const csv = `${HUBSPOT_HEADER}\n1,Ann,Lee,ann@one.example,,One Co,"$1,000",Direct\n2,Bo,Li,bo@two.example,,Two Co,"21,474,836.48",Direct\n3,Cy,Ng,cy@three.example,,Three Co,,Direct\n`;
    const { status, body } = await post(importLeads, upload(csv, { dryRun: "false" }));
    expect(status).toBe(400);
    expect(body.error).toMatch(/1 row has problems, so nothing was imported/);
    expect(body.rowErrors).toEqual([
      {
        row: 3,
        column: "Annual Revenue",
        message: "The amount is above $21,474,836.47, the largest value Onward stores.",
      },
    ]);
    expect(await leadsOf(a)).toHaveLength(0);
    expect(await importAudits(a)).toHaveLength(0);
  });

  it("skip mode: imports the good rows, reports the skipped ones, one audit entry with counts, file name and mode", async () => {
    as(a.users.CSM);
    const csv = `${HUBSPOT_HEADER}\n1,Ann,Lee,ann@one.example,,"=HYPERLINK(""http://x"")","$1,000",+Direct\n2,Bo,Li,not-an-email,,Two Co,,Direct\n3,Cy,Ng,cy@three.example,,Three Co,"1.234,56",@Web\n`;
    const { status, body } = await post(importLeads, upload(csv, { dryRun: "false", mode: "skip" }, "skip.csv"));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      dryRun: false,
      created: 2,
      updated: 0,
      unchanged: 0,
      skipped: 1,
      mode: "skip",
      fileName: "skip.csv",
    });
    expect(body.skippedRows).toEqual([
      { row: 3, column: "Email", message: "“not-an-email” is not a valid email address." },
    ]);
    const leads = await leadsOf(a);
    expect(
      leads.map((l) => [
        l.contactEmail,
        l.company,
        l.externalId,
        l.estimatedValueCents,
        l.originalSource,
        l.stage,
        l.ownerId,
      ]),
    ).toEqual([
      ["ann@one.example", '=HYPERLINK("http://x")', "1", 100_000, "+Direct", "NEW", a.users.CSM.id],
      ["cy@three.example", "Three Co", "3", 123_456, "@Web", "NEW", a.users.CSM.id],
    ]);
    const audits = await importAudits(a);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: a.users.CSM.id,
      entityType: "Lead",
      after: { fileName: "skip.csv", mode: "skip", rows: 3, created: 2, updated: 0, unchanged: 0, skipped: 1 },
    });
  });

  it("re-importing the same file creates no duplicates; changed rows update; matching falls back to email", async () => {
    as(a.users.ADMIN);
    const first = await post(importLeads, upload(FIXTURE, { dryRun: "false" }, "hubspot-leads-200.csv"));
    expect(first.body).toMatchObject({ created: 200, updated: 0, unchanged: 0, skipped: 0 });
    const again = await post(importLeads, upload(FIXTURE, { dryRun: "false" }, "hubspot-leads-200.csv"));
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 200, skipped: 0 });
    const changed = new TextDecoder().decode(FIXTURE).replace("Dupont; Fils & Cie 1", "Dupont Renamed");
    const third = await post(importLeads, upload(changed, { dryRun: "false" }));
    expect(third.body).toMatchObject({ created: 0, updated: 1, unchanged: 199 });
    // no external id column: the row lands on the lead with that email
    const byEmail = await post(
      importLeads,
      upload("Email,Name,Company,Amount\nEMMA.CHEN.1@hubspot-import.example,Emma Chen,Dupont Again,500\n", {
        dryRun: "false",
      }),
    );
    expect(byEmail.body).toMatchObject({ created: 0, updated: 1 });
    const leads = await testDb().lead.findMany({
      where: { tenantId: a.tenant.id, contactEmail: { endsWith: "@hubspot-import.example" } },
    });
    expect(leads).toHaveLength(200);
    expect(leads.find((l) => l.externalId === "51000000")).toMatchObject({
      company: "Dupont Again",
      estimatedValueCents: 50_000,
      contactPhone: "+1 (555) 100-2143",
      contactName: "Emma Chen",
    });
    expect(await importAudits(a)).toHaveLength(5);
  });

  it("never matches another tenant's leads, by external id or by email", async () => {
    const other = await testDb().lead.create({
      data: {
        tenantId: b.tenant.id,
        company: "B's own",
        contactName: "Bea",
        contactEmail: "shared@both.example",
        externalId: "X-1",
      },
    });
    as(a.users.CSM);
    const { body } = await post(
      importLeads,
      upload(`Record ID,Email,Name,Company\nX-1,shared@both.example,Imported,Import Co\n`, { dryRun: "false" }),
    );
    expect(body).toMatchObject({ created: 1, updated: 0 });
    expect(await testDb().lead.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      company: "B's own",
      contactName: "Bea",
    });
    expect(await testDb().lead.count({ where: { tenantId: a.tenant.id, externalId: "X-1" } })).toBe(1);
  });

  it("refuses two stored leads with the row's email rather than guessing", async () => {
    for (const company of ["Twin 1", "Twin 2"])
      await testDb().lead.create({
        data: { tenantId: a.tenant.id, company, contactName: "Tw", contactEmail: "twin@twins.example" },
      });
    as(a.users.CSM);
    const { status, body } = await post(
      importLeads,
      upload("Email,Name,Company\ntwin@twins.example,Tw,Twin\n", { dryRun: "false" }),
    );
    expect(status).toBe(400);
    expect(body.rowErrors).toEqual([
      { row: 2, column: "Email", message: expect.stringMatching(/^2 leads already have this email/) as string },
    ]);
  });

  it("uses the mapping the person chose, and refuses an import whose required columns are not mapped", async () => {
    as(a.users.CSM);
    const csv = "Organisation name,Who,Mail\nMapped Co,Map Person,mapped@map.example\n";
    const preview = await post(importLeads, upload(csv));
    expect(preview.body.missing).toEqual([
      "Choose the column that holds company.",
      "Choose the column that holds email.",
      "Choose the column that holds the contact name (or the first and last name columns).",
    ]);
    const refused = await post(importLeads, upload(csv, { dryRun: "false" }));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/company/);
    const mapped = await post(
      importLeads,
      upload(csv, { dryRun: "false", mapping: JSON.stringify({ company: 0, contactName: 1, email: 2 }) }),
    );
    expect(mapped.body).toMatchObject({ created: 1 });
    const bad = await post(importLeads, upload(csv, { mapping: JSON.stringify({ company: 7 }) }));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/3 columns/);
  });
});

describe("bad files and limits", () => {
  it("refuses invalid UTF-8, an empty file and 10 001 rows with a clear 400", async () => {
    as(a.users.CSM);
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode("Company,Email,Name\nCaf"),
      0xe9,
      ...new TextEncoder().encode(",c@c.example,C\n"),
    ]);
    const bad = await post(importLeads, upload(latin1));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/not UTF-8 .*line 2.*CSV UTF-8/);
    expect((await post(importLeads, upload(""))).body.error).toBe("The file is empty.");
    const many = `Company,Email,Name\n${Array.from({ length: 10_001 }, (_, i) => `C${i},c${i}@many.example,N`).join("\n")}\n`;
    const tooMany = await post(importLeads, upload(many, { dryRun: "false" }));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatch(/more than 10,000 rows/);
    expect(
      await testDb().lead.count({ where: { tenantId: a.tenant.id, contactEmail: { endsWith: "@many.example" } } }),
    ).toBe(0);
  });

  it("answers a 50 MB upload with 413 without reading it all, whatever Content-Length says", async () => {
    as(a.users.CSM);
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(0x41);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 50) return controller.close();
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const request = new Request("http://localhost/api/import/leads", {
      method: "POST",
      body,
      headers: { "content-type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    const { status, body: answer } = await post(importLeads, request);
    expect(status).toBe(413);
    expect(answer.error).toMatch(/larger than 5 MB/);
    expect(sent).toBeLessThan(10);
    // a declared length over the cap is refused before reading
    const declared = await importLeads(
      new Request("http://localhost/api/import/leads", {
        method: "POST",
        body: "x",
        headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(50 * 1024 * 1024) },
      }),
    );
    expect(declared.status).toBe(413);
  });

  it("refuses anonymous callers, roles without the permission, cross-site posts and non-multipart bodies", async () => {
    as(null);
    expect((await importLeads(upload(FIXTURE))).status).toBe(401);
    as(a.users.TECH_LEAD);
    expect((await importLeads(upload(FIXTURE))).status).toBe(403);
    as(a.users.EXECUTIVE);
    expect((await importAccounts(upload(FIXTURE))).status).toBe(403);
    as(a.users.CSM);
    for (const headers of [
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      { origin: "null" },
    ] as Record<string, string>[]) {
      const forged = upload("Company,Email,Name\nForged Co,forged@csrf.example,F\n", { dryRun: "false" });
      const crossSite = new Request(forged, {
        headers: { ...Object.fromEntries(forged.headers), ...headers },
        duplex: "half",
      } as RequestInit);
      expect((await importLeads(crossSite)).status).toBe(403);
    }
    expect(await testDb().lead.count({ where: { contactEmail: "forged@csrf.example" } })).toBe(0);
    const json = await importLeads(
      new Request("http://localhost/api/import/leads", {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json" },
      }),
    );
    expect(json.status).toBe(415);
    expect((await post(importLeads, upload(FIXTURE, { mode: "sometimes" }))).status).toBe(400);
  });
});

describe("account import", () => {
  it("creates accounts, then matches them by website domain or name on re-import", async () => {
    as(a.users.CSM);
    const csv = "Account ID;Account Name;Website;Industry\n;Initech;www.initech.example;Software\n;Hooli;;\n";
    const first = await post(importAccounts, upload(csv, { dryRun: "false" }, "accounts.csv"));
    expect(first.body).toMatchObject({ created: 2, updated: 0, kind: "accounts" });
    const renamed = "Account Name;Website;Industry\nInitech Corp;https://initech.example;Software\nHOOLI;;Search\n";
    const second = await post(importAccounts, upload(renamed, { dryRun: "false" }));
    expect(second.body).toMatchObject({ created: 0, updated: 2 });
    const accounts = await testDb().customerAccount.findMany({
      where: {
        tenantId: a.tenant.id,
        OR: [{ name: { startsWith: "Initech" } }, { name: { equals: "hooli", mode: "insensitive" } }],
      },
      orderBy: { name: "asc" },
    });
    expect(accounts.map((x) => [x.name, x.website, x.industry])).toEqual([
      ["HOOLI", null, "Search"],
      ["Initech Corp", "https://initech.example", "Software"],
    ]);
    expect(await importAudits(a, "accounts.imported")).toHaveLength(2);
    // another tenant with the same names gets accounts of its own
    as(b.users.ADMIN);
    expect((await post(importAccounts, upload(csv, { dryRun: "false" }))).body).toMatchObject({
      created: 2,
      updated: 0,
    });
  });
});
