import { describe, expect, it } from "vitest";
import { JOBS } from "@/server/jobs/registry";
import { scheduleLabel } from "@/lib/labels/schedule";

describe("scheduleLabel", () => {
  it("says each schedule in words", () => {
    expect(scheduleLabel("*/5 * * * *")).toBe("every 5 minutes");
    expect(scheduleLabel("5 * * * *")).toBe("hourly at :05");
    expect(scheduleLabel("30 * * * *")).toBe("hourly at :30");
    expect(scheduleLabel("0 7 * * *")).toBe("daily at 07:00 UTC");
    expect(scheduleLabel("24 2 * * *")).toBe("daily at 02:24 UTC");
    expect(scheduleLabel("0 8 * * 1")).toBe("Mondays at 08:00 UTC");
  });

  it("never shows a cron expression, for every registered job too", () => {
    expect(scheduleLabel("0 0 1 */2 *")).toBe("on a custom schedule");
    for (const job of Object.values(JOBS)) expect(scheduleLabel(job.schedule)).not.toMatch(/\*|custom/);
  });
});
