import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/customer-journey/initiate/route";
import { GET } from "@/app/api/v1/customer-journey/[id]/status/route";
import {
  ALL_FULL_ANSWERS,
  SAMPLE_REQUEST,
  callerFor,
  createLeadFor,
  createTenantFixture,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";

let f: TenantFixture;
let other: TenantFixture;
let key: string;

beforeAll(async () => {
  f = await createTenantFixture("jrest");
  other = await createTenantFixture("jrest-other");
  key = (await callerFor(f.users.ADMIN).apiKeys.create({ name: "CRM sync" })).token;
});

const initiate = (token: string | null, body: unknown) =>
  POST(
    new Request("http://localhost/api/v1/customer-journey/initiate", {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
const status = (token: string | null, id: string) =>
  GET(
    new Request(`http://localhost/api/v1/customer-journey/${id}/status`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }),
    { params: Promise.resolve({ id }) },
  );

describe("journey REST API (seed §6.2) with tenant API keys", () => {
  it("initiates a journey and reads its computed status", async () => {
    const lead = await createLeadFor(f);
    const res = await initiate(key, { leadId: lead.id, answers: ALL_FULL_ANSWERS, request: SAMPLE_REQUEST });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { journeyId: string; status: string; overallProgress: number };
    expect(body.status).toBe("MONITORING");
    const read = await status(key, body.journeyId);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { journeyId: string; overallProgress: number }).overallProgress).toBe(
      body.overallProgress,
    );
    // the plaintext key is shown once; only its digest is stored
    expect(JSON.stringify(await callerFor(f.users.ADMIN).apiKeys.list())).not.toContain(key);
  });

  it("refuses missing, unknown, revoked and project tokens alike; another tenant's journey is not found", async () => {
    const lead = await createLeadFor(f);
    expect((await initiate(null, { leadId: lead.id })).status).toBe(401);
    expect((await initiate("onw_00000000_" + "a".repeat(43), { leadId: lead.id })).status).toBe(401);
    const ci = await callerFor(f.users.TECH_LEAD).apiTokens.create({ projectId: f.projectA.id, name: "CI" });
    expect((await initiate(ci.token, { leadId: lead.id })).status).toBe(401);
    const revoked = await callerFor(f.users.ADMIN).apiKeys.create({ name: "Old" });
    await callerFor(f.users.ADMIN).apiKeys.revoke({ tokenId: revoked.id });
    expect((await initiate(revoked.token, { leadId: lead.id })).status).toBe(401);
    // a project token cannot be revoked as a key, nor a key through the project tokens
    expect(
      await callerFor(f.users.TECH_LEAD)
        .apiTokens.revoke({ tokenId: (await callerFor(f.users.ADMIN).apiKeys.create({ name: "K" })).id })
        .catch((e: Error) => e.message),
    ).toMatch(/not found/i);
    const otherKey = (await callerFor(other.users.ADMIN).apiKeys.create({ name: "Other" })).token;
    expect((await initiate(otherKey, { leadId: lead.id })).status).toBe(404);
    const journey = await testDb().journey.findFirst({ where: { tenantId: f.tenant.id } });
    expect((await status(otherKey, journey?.id ?? "x")).status).toBe(404);
    expect(await testDb().journey.count({ where: { leadId: lead.id } })).toBe(0);
  });

  it("bad bodies get 400 with the field, oversized ones 413, and nothing is written", async () => {
    const lead = await createLeadFor(f);
    expect((await initiate(key, "{not json")).status).toBe(400);
    const bad = await initiate(key, { leadId: lead.id, request: { ...SAMPLE_REQUEST, timelineWeeks: 0 } });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { fieldErrors: Record<string, string> }).fieldErrors)).toContain(
      "request.timelineWeeks",
    );
    expect((await initiate(key, { leadId: lead.id, notes: "x".repeat(70_000) })).status).toBe(413);
    expect(await testDb().journey.count({ where: { leadId: lead.id } })).toBe(0);
  });
});
