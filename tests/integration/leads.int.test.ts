import { TRPCError } from "@trpc/server";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { leadsCsv } from "@/server/services/leads";
import { callerFor, createLeadFor, createTenantFixture, testDb, type TenantFixture } from "../helpers/fixtures";

let a: TenantFixture;
let b: TenantFixture;
beforeAll(async () => {
  a = await createTenantFixture("leads-a");
  b = await createTenantFixture("leads-b");
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (error) {
    return error instanceof TRPCError ? error.code : "thrown";
  }
}

describe("lead pipeline", () => {
  it("creates, filters, sorts and pages leads within the tenant only", async () => {
    const csm = callerFor(a.users.CSM);
    const created = await csm.leads.create({
      company: "Zeta Widgets",
      contactName: "Zed",
      contactEmail: "ZED@Example.com",
      estimatedValueCents: 9_900_000,
    });
    expect(created.stage).toBe("NEW");
    expect(created.contactEmail).toBe("zed@example.com");
    await createLeadFor(a, { company: "Alpha % Co", latestScore: 80 });
    await createLeadFor(b, { company: "Zeta Widgets other tenant" });
    const zeta = await csm.leads.list({ search: "zeta" });
    expect(zeta.rows.map((r) => r.company)).toEqual(["Zeta Widgets"]);
    const literal = await csm.leads.list({ search: "%" });
    expect(literal.rows.map((r) => r.company)).toEqual(["Alpha % Co"]);
    const scored = await csm.leads.list({ minScore: 75, sort: "score" });
    expect(scored.rows.every((r) => (r.latestScore ?? 0) >= 75)).toBe(true);
    const page = await csm.leads.list({ pageSize: 1, page: 2, sort: "company", direction: "asc" });
    expect(page.rows).toHaveLength(1);
    expect(page.total).toBeGreaterThanOrEqual(3);
  });

  it("moves stages only along allowed paths and never to converted by hand", async () => {
    const csm = callerFor(a.users.CSM);
    const lead = await createLeadFor(a);
    expect((await csm.leads.updateStage({ leadId: lead.id, stage: "QUALIFYING" })).stage).toBe("QUALIFYING");
    expect(await codeOf(csm.leads.updateStage({ leadId: lead.id, stage: "CONVERTED" }))).toBe("BAD_REQUEST");
    expect(await codeOf(csm.leads.updateStage({ leadId: lead.id, stage: "PROPOSAL" }))).toBe("BAD_REQUEST");
    expect(await codeOf(csm.leads.updateStage({ leadId: lead.id, stage: "NOPE" as never }))).toBe("BAD_REQUEST");
    const audits = await testDb().auditEvent.count({ where: { entityId: lead.id, action: "lead.stage_changed" } });
    expect(audits).toBe(1);
  });

  it("refuses bad lead input and writes nothing", async () => {
    const csm = callerFor(a.users.CSM);
    const before = await testDb().lead.count({ where: { tenantId: a.tenant.id } });
    for (const bad of [
      { company: "", contactName: "X", contactEmail: "x@example.com" },
      { company: "X", contactName: "X", contactEmail: "not-an-email" },
      { company: "X", contactName: "X", contactEmail: "x@example.com", estimatedValueCents: -5 },
      { company: "X", contactName: "X", contactEmail: "x@example.com", estimatedValueCents: 1e15 },
      { company: "x".repeat(1000), contactName: "X", contactEmail: "x@example.com" },
    ]) {
      expect(await codeOf(csm.leads.create(bad))).toBe("BAD_REQUEST");
    }
    expect(await codeOf(csm.leads.list({ minScore: 90, maxScore: 10 }))).toBe("BAD_REQUEST");
    expect(await testDb().lead.count({ where: { tenantId: a.tenant.id } })).toBe(before);
  });

  it("exports CSV with formula cells neutralised and no other tenant's rows", async () => {
    await createLeadFor(a, { company: '=HYPERLINK("http://evil")' });
    const ctx = {
      db: testDb(),
      tenantId: a.tenant.id,
      actorId: a.users.CSM.id,
      ip: "",
      requestId: "",
      now: new Date(),
    };
    let csv = "";
    for await (const chunk of leadsCsv(ctx, { sort: "company", direction: "asc" })) csv += chunk;
    const rows = Papa.parse<string[]>(csv.trim()).data;
    expect(rows[0]?.[0]).toBe("Company");
    const companies = rows.slice(1).map((r) => r[0]);
    expect(companies).toContain('\'=HYPERLINK("http://evil")');
    expect(companies.some((c) => c?.includes("other tenant"))).toBe(false);
    const total = await testDb().lead.count({ where: { tenantId: a.tenant.id } });
    expect(rows.length - 1).toBe(total);
  });
});
