import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createTenantFixture, testDb, type TenantFixture } from "../helpers/fixtures";

/** The quality card's badge tells the truth about the latest validation's gates (docs/quality-gates.md). */
let f: TenantFixture;
let seq = 0;

beforeAll(async () => {
  f = await createTenantFixture("quality-standing");
});

async function latestStanding(gatesPassed: number, gatesFailed: number, escalated: boolean) {
  await testDb().qualityValidation.create({
    data: {
      tenantId: f.tenant.id,
      projectId: f.projectA.id,
      type: "COMPREHENSIVE",
      score: 88,
      gatesPassed,
      gatesFailed,
      escalated,
      results: { gates: [] },
      createdAt: new Date(Date.now() + (seq += 1) * 1000),
    },
  });
  return (await callerFor(f.users.CSM).quality.history({ projectId: f.projectA.id })).latest?.standing;
}

describe("the latest validation's standing on its gates", () => {
  it("is not 'within gates' while gates fail short of an escalation", async () => {
    expect(await latestStanding(10, 2, false)).toEqual({ state: "gates_failed", failed: 2, total: 12 });
  });

  it("is 'all passed' only when no gate failed, and escalated when escalated", async () => {
    expect(await latestStanding(12, 0, false)).toEqual({ state: "all_passed", failed: 0, total: 12 });
    expect(await latestStanding(8, 4, true)).toEqual({ state: "escalated", failed: 4, total: 12 });
  });
});
