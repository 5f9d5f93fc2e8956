/**
 * Calendar keys for idempotent jobs and digests: a tenant-local day ("2026-11-25"), an ISO week
 * ("2026-W48"), and which digest a person's frequency gives on a given local day. Pure: `now` and the
 * time zone are passed in (Intl does the zone arithmetic, DST-correct).
 */
export type LocalDay = { date: string; weekday: number; isoWeek: string };
export type DigestFrequency = "daily" | "weekly" | "off";
export type DigestPeriod = { cadence: "daily" | "weekly"; periodKey: string; label: string };

/** Weekly digests go out on Mondays (ISO weekday 1), in the tenant's time zone. */
export const WEEKLY_DIGEST_WEEKDAY = 1;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The UTC calendar date's ISO week: "2026-W48" (weeks start on Monday; week 1 holds January 4th). */
export function isoWeekKey(day: Date): string {
  const d = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** `now` as a day in `timeZone` (an unknown zone falls back to UTC rather than failing a job). */
export function localDay(now: Date, timeZone: string): LocalDay {
  let date: string;
  try {
    date = formatterFor(timeZone).format(now);
  } catch {
    date = now.toISOString().slice(0, 10);
  }
  const asUtc = new Date(`${date}T00:00:00Z`);
  return { date, weekday: asUtc.getUTCDay() || 7, isoWeek: isoWeekKey(asUtc) };
}

export function digestPeriod(frequency: DigestFrequency, day: LocalDay): DigestPeriod | null {
  if (frequency === "daily") return { cadence: "daily", periodKey: day.date, label: day.date };
  if (frequency === "weekly" && day.weekday === WEEKLY_DIGEST_WEEKDAY)
    return {
      cadence: "weekly",
      periodKey: day.isoWeek,
      label: `week ${day.isoWeek.slice(6)} of ${day.isoWeek.slice(0, 4)}`,
    };
  return null;
}
