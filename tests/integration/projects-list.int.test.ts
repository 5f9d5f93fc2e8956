import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createTenantFixture, testDb, type TenantFixture } from "../helpers/fixtures";

let f: TenantFixture;

beforeAll(async () => {
  f = await createTenantFixture("plist");
  await testDb().project.update({ where: { id: f.projectB.id }, data: { name: `Rate_100% ${f.tag}` } });
});

describe("projects.list search", () => {
  it("finds a project by part of its name or its account's, case-insensitively", async () => {
    const found = await callerFor(f.users.CSM).projects.list({ search: `project a ${f.tag}`.toUpperCase() });
    expect(found.rows.map((r) => r.id)).toEqual([f.projectA.id]);
  });

  it("treats % and _ as literal characters, not LIKE wildcards", async () => {
    const csm = callerFor(f.users.CSM);
    // only project B's name holds a "%" and a "_"; "e_1" and "a%b" would match others as patterns
    const ids = async (search: string) => (await csm.projects.list({ search })).rows.map((r) => r.id);
    expect(await ids("%")).toEqual([f.projectB.id]);
    expect(await ids("_")).toEqual([f.projectB.id]);
    expect(await ids("100%")).toEqual([f.projectB.id]);
    expect(await ids("t_a")).toEqual([]);
    expect(await ids("p%a")).toEqual([]);
  });
});
