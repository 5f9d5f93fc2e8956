import { describe, expect, it } from "vitest";
import { DEFAULT_KICKOFF_CONFIG, KICKOFF_PHASES, ZKickoffConfigSchema } from "./config";

describe("ZKickoffConfigSchema", () => {
  const messages = (input: unknown) => {
    const r = ZKickoffConfigSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`);
  };
  const d = DEFAULT_KICKOFF_CONFIG;

  it("passes its own schema and keeps the seed's numbers", () => {
    expect(messages(d)).toEqual([]);
    expect(KICKOFF_PHASES).toHaveLength(6);
    expect(d.guarantee).toEqual({ successThreshold: 85, days: 30 });
    expect(d.firstMilestoneDays).toBe(7);
    expect(d.teams.MVP_DEVELOPMENT.optional.map((r) => [r.role, r.condition, r.capacity])).toEqual([
      ["ui_ux_specialist", "has_ui_requirements", 0.5],
      ["security_specialist", "has_compliance_requirements", 0.5],
    ]);
  });

  it("refuses a zero capacity, a repeated role, duplicate environments and an unknown condition", () => {
    const c = structuredClone(d);
    const dev = c.teams.MVP_DEVELOPMENT.required[2];
    if (dev) dev.capacity = 0;
    expect(messages(c)).toEqual([
      "teams.MVP_DEVELOPMENT.required.2.capacity: A role's capacity is above 0 FTE (remove the role instead)",
    ]);
    const twice = structuredClone(d);
    twice.teams.TEAM_AUGMENTATION.required.push({
      role: "qa_engineer",
      specialization: "manual",
      capacity: 1,
      buildsFeatures: true,
    });
    expect(messages(twice)).toEqual([
      'teams.TEAM_AUGMENTATION: The team_augmentation team lists the role "qa_engineer" twice; merge them into one with the total capacity',
    ]);
    expect(messages({ ...d, environments: ["STAGING", "STAGING"] })).toEqual([
      "environments: Each environment is listed once",
    ]);
    const cond = structuredClone(d) as unknown as { teams: { MVP_DEVELOPMENT: { optional: { condition: string }[] } } };
    const first = cond.teams.MVP_DEVELOPMENT.optional[0];
    if (first) first.condition = "has_budget";
    expect(messages(cond)[0]).toBe(
      "teams.MVP_DEVELOPMENT.optional.0.condition: The condition is one of: has_ui_requirements, has_compliance_requirements",
    );
  });
});
