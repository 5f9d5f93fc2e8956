import { describe, expect, it } from "vitest";
import { EMPTY_FACTS } from "./kpis";
import { dashboardSummary } from "./summary";

describe("summary", () => {
  it("revenue this month is contract value booked less refunds paid, in cents", () => {
    const s = dashboardSummary(
      {
        activeCustomers: 3,
        projectsInProgress: 4,
        success30: { decided: 4, succeeded: 3 },
        bookedMonthCents: 12_000_000,
        refundedMonthCents: 2_500_000,
        refundsAwaiting: 1,
      },
      { ...EMPTY_FACTS, csat: [{ score: 9, count: 3 }], nps: [{ score: 10, count: 1 }] },
    );
    expect(s.revenueThisMonth).toEqual({ netCents: 9_500_000, bookedCents: 12_000_000, refundedCents: 2_500_000 });
    expect(s.successRate30).toMatchObject({ value: 75, display: "75%" });
    expect(s.csat).toEqual({ value: 9, display: "9/10", responses: 3 });
    expect(s.nps).toEqual({ value: 100, display: "+100", responses: 1 });
  });

  it("of an empty tenant is zeros and no data", () => {
    const s = dashboardSummary(
      {
        activeCustomers: 0,
        projectsInProgress: 0,
        success30: { decided: 0, succeeded: 0 },
        bookedMonthCents: 0,
        refundedMonthCents: 0,
        refundsAwaiting: 0,
      },
      EMPTY_FACTS,
    );
    expect(s.successRate30.value).toBeNull();
    expect(s.successRate30.display).toBe("no data");
    expect(s.csat.display).toBe("no data");
    expect(s.nps.value).toBeNull();
    expect(s.revenueThisMonth.netCents).toBe(0);
  });
});
