import { describe, expect, it } from "vitest";
import type { ServiceType } from "@/generated/prisma/enums";
import { DEFAULT_EDUCATION_LIBRARY, GUARANTEE_ITEM_KEY, OVERVIEW_ITEM_KEY, renderEducationBody } from "./library";
import {
  DEFAULT_EDUCATION_CONFIG,
  ZEducationConfigSchema,
  educationProgress,
  planEducation,
  type Background,
  type PlannedDelivery,
} from "./plan";

const START = new Date("2030-03-04T09:30:00.000Z"); // a Monday morning, before the 14:00 UTC send hour
const SERVICES: ServiceType[] = ["MVP_DEVELOPMENT", "LEGACY_MODERNIZATION", "TEAM_AUGMENTATION"];

const plan = (
  serviceType: ServiceType,
  background: Background,
  stakeholders: { id: string; background?: Background }[] = [{ id: "u1" }],
  startAt = START,
) =>
  planEducation({
    serviceType,
    background,
    stakeholders,
    library: DEFAULT_EDUCATION_LIBRARY,
    startAt,
    config: DEFAULT_EDUCATION_CONFIG,
  });
const keys = (p: { items: { key: string }[] }) => p.items.map((i) => i.key);
const byDay = (deliveries: PlannedDelivery[]) => {
  const days = new Map<string, number>();
  for (const d of deliveries)
    days.set(d.scheduledAt.toISOString().slice(0, 10), (days.get(d.scheduledAt.toISOString().slice(0, 10)) ?? 0) + 1);
  return days;
};

describe("DEFAULT_EDUCATION_LIBRARY", () => {
  it("holds the seed's two items with their durations (seed §1.3)", () => {
    const guarantee = DEFAULT_EDUCATION_LIBRARY.find((i) => i.key === GUARANTEE_ITEM_KEY);
    const overview = DEFAULT_EDUCATION_LIBRARY.find((i) => i.key === OVERVIEW_ITEM_KEY);
    expect(guarantee?.durationMinutes).toBe(10);
    expect(overview?.durationMinutes).toBe(15);
    expect(guarantee?.body).toMatch(/40%[\s\S]*30%[\s\S]*30%/);
    expect(overview?.body).toMatch(/day 1[\s\S]*day 2[\s\S]*days 3–21[\s\S]*days 22–28[\s\S]*days 29–30/);
  });

  it("fills the refund amount per project instead of the seed's $150,000", () => {
    const guarantee = DEFAULT_EDUCATION_LIBRARY.find((i) => i.key === GUARANTEE_ITEM_KEY)?.body ?? "";
    expect(guarantee).not.toContain("$150,000");
    expect(renderEducationBody(guarantee, { refundAmount: "$500,000" })).toContain(
      "full refund of the guarantee amount ($500,000)",
    );
    expect(renderEducationBody(guarantee, {})).toContain("{{refundAmount}}");
  });

  it("has unique keys", () => {
    const all = DEFAULT_EDUCATION_LIBRARY.map((i) => i.key);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe("planEducation: items", () => {
  it.each(SERVICES.flatMap((s) => (["business", "technical"] as const).map((b) => [s, b] as const)))(
    "%s / %s starts with the guarantee, then the overview",
    (service, background) => {
      expect(keys(plan(service, background)).slice(0, 2)).toEqual([GUARANTEE_ITEM_KEY, OVERVIEW_ITEM_KEY]);
    },
  );

  it("business stakeholders get no technical deep-dives; technical get both", () => {
    const business = plan("MVP_DEVELOPMENT", "business");
    const technical = plan("MVP_DEVELOPMENT", "technical");
    expect(keys(business)).toEqual([
      GUARANTEE_ITEM_KEY,
      OVERVIEW_ITEM_KEY,
      "first_week_checklist",
      "signing_off_weekly_milestone",
      "reading_progress_updates",
    ]);
    expect(keys(technical)).toEqual([
      ...keys(business).slice(0, 4),
      "quality_gates_and_ci",
      "reading_progress_updates",
    ]);
    expect(technical.items.find((i) => i.key === "quality_gates_and_ci")?.reason).toMatch(
      /technical stakeholders only/,
    );
  });

  it("filters by service type", () => {
    expect(keys(plan("LEGACY_MODERNIZATION", "business"))).toContain("legacy_cutover_for_the_business");
    expect(keys(plan("LEGACY_MODERNIZATION", "business"))).not.toContain("legacy_modernization_preparation");
    expect(keys(plan("LEGACY_MODERNIZATION", "technical"))).toContain("legacy_modernization_preparation");
    expect(keys(plan("MVP_DEVELOPMENT", "technical"))).not.toContain("legacy_modernization_preparation");
    expect(keys(plan("TEAM_AUGMENTATION", "technical"))).toContain("working_with_augmented_team");
  });

  it("gives each stakeholder the items for their own background", () => {
    const p = plan("MVP_DEVELOPMENT", "business", [{ id: "ceo" }, { id: "cto", background: "technical" }]);
    const itemsOf = (id: string) => p.deliveries.filter((d) => d.stakeholderId === id).map((d) => d.itemKey);
    expect(itemsOf("ceo")).not.toContain("quality_gates_and_ci");
    expect(itemsOf("cto")).toContain("quality_gates_and_ci");
    expect(keys(p)).toEqual([...itemsOf("ceo"), "quality_gates_and_ci"]); // the union: plan background first, extras after
  });

  it("sends to the primary contact (null) when no stakeholder accounts exist yet", () => {
    const p = plan("MVP_DEVELOPMENT", "business", []);
    expect(p.deliveries).toHaveLength(5);
    expect(p.deliveries.every((d) => d.stakeholderId === null)).toBe(true);
  });
});

describe("planEducation: schedule", () => {
  it("spreads six items over 3 days, 2 a day, at 14:00 and 15:00 UTC", () => {
    const p = plan("MVP_DEVELOPMENT", "technical");
    expect(p.deliveries.map((d) => d.scheduledAt.toISOString())).toEqual([
      "2030-03-04T14:00:00.000Z",
      "2030-03-04T15:00:00.000Z",
      "2030-03-05T14:00:00.000Z",
      "2030-03-05T15:00:00.000Z",
      "2030-03-06T14:00:00.000Z",
      "2030-03-06T15:00:00.000Z",
    ]);
    expect(p.estimatedCompletion.toISOString()).toBe("2030-03-07T15:00:00.000Z");
    expect(p.deliveries[1]?.method).toBe("interactive_demo"); // the overview's seed interactive elements
  });

  it("keeps at most 2 a day over 3 days for five items, and every stakeholder gets the same days", () => {
    const p = plan("MVP_DEVELOPMENT", "business", [{ id: "a" }, { id: "b" }]);
    for (const id of ["a", "b"]) {
      const days = byDay(p.deliveries.filter((d) => d.stakeholderId === id));
      expect([...days.keys()]).toEqual(["2030-03-04", "2030-03-05", "2030-03-06"]);
      expect(Math.max(...days.values())).toBeLessThanOrEqual(2);
    }
  });

  it("starts the next day when the send hour has passed", () => {
    const p = plan("MVP_DEVELOPMENT", "business", [{ id: "u1" }], new Date("2030-03-04T14:00:01.000Z"));
    expect(p.deliveries[0]?.scheduledAt.toISOString()).toBe("2030-03-05T14:00:00.000Z");
    expect(
      plan(
        "MVP_DEVELOPMENT",
        "business",
        [{ id: "u1" }],
        new Date("2030-03-04T14:00:00.000Z"),
      ).deliveries[0]?.scheduledAt.toISOString(),
    ).toBe("2030-03-04T14:00:00.000Z");
  });

  it("makes the plan longer, never a day fuller, when items do not fit", () => {
    const p = plan("LEGACY_MODERNIZATION", "technical"); // 8 items at 2 a day
    const days = byDay(p.deliveries);
    expect(days.size).toBe(4);
    expect(Math.max(...days.values())).toBe(2);
    expect(p.explanation).toContain("8 items at 2 a day need more than 3 days");
  });

  it("is deterministic: the same start gives the same plan", () => {
    expect(plan("TEAM_AUGMENTATION", "technical")).toEqual(plan("TEAM_AUGMENTATION", "technical"));
  });

  it("states success criteria with the item count", () => {
    expect(plan("MVP_DEVELOPMENT", "business").successCriteria[0]).toBe("All 5 items completed within 7 days");
    expect(
      plan("MVP_DEVELOPMENT", "business", [{ id: "a" }, { id: "b", background: "technical" }]).successCriteria[0],
    ).toBe("Every stakeholder's items (5–6) completed within 7 days");
  });
});

describe("educationProgress", () => {
  it("is 0% with nothing completed, and explains an empty plan", () => {
    expect(educationProgress([])).toMatchObject({ total: 0, percent: 0, explanation: "No education deliveries yet." });
    const p = educationProgress([
      { stakeholderId: "a", status: "SENT" },
      { stakeholderId: "a", status: "SCHEDULED" },
    ]);
    expect(p).toMatchObject({ total: 2, completed: 0, percent: 0, stakeholdersDone: 0 });
    expect(p.explanation).toBe(
      "0 of 2 completed (0%); 1 sent and not yet completed, 1 still scheduled; 0 of 1 stakeholder finished.",
    );
  });

  it("computes partial completion per stakeholder and overall", () => {
    const p = educationProgress([
      { stakeholderId: "a", status: "COMPLETED" },
      { stakeholderId: "a", status: "COMPLETED" },
      { stakeholderId: "a", status: "SENT" },
      { stakeholderId: "b", status: "COMPLETED" },
      { stakeholderId: "b", status: "COMPLETED" },
      { stakeholderId: "b", status: "COMPLETED" },
    ]);
    expect(p.percent).toBe(83.3);
    expect(p.stakeholders.map((s) => [s.stakeholderId, s.percent])).toEqual([
      ["a", 66.7],
      ["b", 100],
    ]);
    expect(p.stakeholdersDone).toBe(1);
  });

  it("is 100% when everything is completed", () => {
    const p = educationProgress([
      { stakeholderId: null, status: "COMPLETED" },
      { stakeholderId: null, status: "COMPLETED" },
    ]);
    expect(p).toMatchObject({ percent: 100, stakeholdersDone: 1 });
    expect(p.explanation).toBe("2 of 2 completed (100%); 1 of 1 stakeholder finished.");
  });
});

describe("ZEducationConfigSchema", () => {
  it("accepts the defaults", () => {
    expect(ZEducationConfigSchema.safeParse(DEFAULT_EDUCATION_CONFIG).success).toBe(true);
  });

  it.each([
    [{ spreadDays: 0 }, "The spread in days is at least 1"],
    [{ sendHourUtc: 24 }, "The send hour (UTC) is at most 23"],
    [{ maxPerDay: 2.5 }, "Use a whole number for items per day"],
    [
      { sendHourUtc: 23, slotSpacingMinutes: 90 },
      "The last of 2 daily items would go out after midnight UTC; send earlier, fewer or closer together",
    ],
    [{ spreadDays: 10 }, "Items arrive over 10 days, so completion cannot be expected within 7"],
    [{ leadItemKeys: ["a", "a"] }, "A lead item is listed twice"],
  ])("refuses %j with the reason", (change, message) => {
    const result = ZEducationConfigSchema.safeParse({ ...DEFAULT_EDUCATION_CONFIG, ...change });
    expect(result.error?.issues.map((i) => i.message)).toContain(message);
  });
});
