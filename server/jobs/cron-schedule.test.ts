import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { JOB_NAMES } from "@/lib/schemas/jobs";
import { parseCron } from "./cron-schedule";
import { JOBS } from "./registry";

const at = (iso: string) => new Date(iso);

describe("parseCron", () => {
  it("matches steps, fixed times and weekdays in UTC", () => {
    const every5 = parseCron("*/5 * * * *");
    expect(every5.matches(at("2026-11-25T10:05:00Z"))).toBe(true);
    expect(every5.matches(at("2026-11-25T10:06:00Z"))).toBe(false);
    const daily = parseCron("0 7 * * *");
    expect(daily.matches(at("2026-11-25T07:00:30Z"))).toBe(true);
    expect(daily.matches(at("2026-11-25T08:00:00Z"))).toBe(false);
    const monday = parseCron("0 8 * * 1");
    expect(monday.matches(at("2026-11-23T08:00:00Z"))).toBe(true);
    expect(monday.matches(at("2026-11-24T08:00:00Z"))).toBe(false);
    expect(parseCron("0 0 * * 7").matches(at("2026-11-22T00:00:00Z"))).toBe(true);
    expect(parseCron("0-10/5 9-17 * * 1-5").matches(at("2026-11-25T12:10:00Z"))).toBe(true);
    expect(parseCron("0 0 1 * 1").matches(at("2026-11-23T00:00:00Z"))).toBe(true);
  });

  it("refuses malformed expressions", () => {
    expect(() => parseCron("* * *")).toThrow(/5 fields/);
    expect(() => parseCron("61 * * * *")).toThrow(/Out of range/);
    expect(() => parseCron("*/0 * * * *")).toThrow(/step/);
  });
});

describe("vercel.json", () => {
  it("declares one cron per job, at the job's schedule, under /api/cron/<job>", () => {
    const config = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "..", "vercel.json"), "utf8")) as {
      crons: { path: string; schedule: string }[];
    };
    const declared = Object.fromEntries(config.crons.map((c) => [c.path, c.schedule]));
    expect(declared).toEqual(Object.fromEntries(JOB_NAMES.map((name) => [`/api/cron/${name}`, JOBS[name].schedule])));
  });
});
