/**
 * The dashboard's date range and the time windows every KPI is measured over. Pure: `now` is passed in.
 *
 * A range is a preset (the last 30, 90 or 365 days, ending now) or an explicit [from, to). Explicit
 * ranges must be sane: start before the end, cover at least a day and at most two years, end no later
 * than tomorrow and start no more than ten years ago — anything else is a mistake, not a question.
 */
export const RANGE_PRESETS = [30, 90, 365] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_RANGE_DAYS: RangePreset = 90;

export const DAY_MS = 86_400_000;
export const MAX_RANGE_DAYS = 731;
const MAX_LOOKBACK_YEARS = 10;
/** docs/domain.md#dashboard `success_rate_30_days`: the summary's success rate always covers the last 30 days. */
export const SUMMARY_SUCCESS_DAYS = 30;

export type RangeInput = { days?: number; from?: Date; to?: Date };
export type DashboardRange = { from: Date; to: Date; days: number; preset: RangePreset | null };
export type RangeResult =
  { ok: true; range: DashboardRange } | { ok: false; field: "days" | "from" | "to"; problem: string };

export function isRangePreset(days: number): days is RangePreset {
  return (RANGE_PRESETS as readonly number[]).includes(days);
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function resolveRange(input: RangeInput, now: Date): RangeResult {
  if (input.days !== undefined) {
    if (!isRangePreset(input.days))
      return {
        ok: false,
        field: "days",
        problem: `Choose a range of ${RANGE_PRESETS.join(", ")} days (got ${input.days}).`,
      };
    return {
      ok: true,
      range: { from: new Date(now.getTime() - input.days * DAY_MS), to: now, days: input.days, preset: input.days },
    };
  }
  const { from, to } = input;
  if (!from || Number.isNaN(from.getTime()))
    return { ok: false, field: "from", problem: "Give the range's start date (from)." };
  if (!to || Number.isNaN(to.getTime())) return { ok: false, field: "to", problem: "Give the range's end date (to)." };
  const span = to.getTime() - from.getTime();
  if (span <= 0)
    return {
      ok: false,
      field: "from",
      problem: `The range is reversed: it starts on ${day(from)} but ends on ${day(to)}. Put the earlier date first.`,
    };
  if (span < DAY_MS) return { ok: false, field: "to", problem: "A range covers at least one day." };
  const days = span / DAY_MS;
  if (days > MAX_RANGE_DAYS)
    return {
      ok: false,
      field: "from",
      problem: `A range covers at most ${MAX_RANGE_DAYS} days (two years); ${day(from)} to ${day(to)} is ${Math.round(days)} days.`,
    };
  if (to.getTime() > now.getTime() + DAY_MS)
    return {
      ok: false,
      field: "to",
      problem: `The range ends in the future (${day(to)}). End it today at the latest.`,
    };
  const earliest = new Date(now);
  earliest.setUTCFullYear(earliest.getUTCFullYear() - MAX_LOOKBACK_YEARS);
  if (from < earliest)
    return {
      ok: false,
      field: "from",
      problem: `The range starts on ${day(from)}, more than ${MAX_LOOKBACK_YEARS} years ago. Pick a start after ${day(earliest)}.`,
    };
  return { ok: true, range: { from, to, days: Math.round(days * 10) / 10, preset: null } };
}

/**
 * The windows a dashboard request reads:
 *  - [from, to): the range every KPI and trend is measured over;
 *  - [previousFrom, from): the period before it, of the same length (retention compares the two);
 *  - [monthStart, now): this calendar month in UTC (revenue this month, docs/domain.md#dashboard);
 *  - [successFrom, now): the last 30 days (the summary's success rate, docs/domain.md#dashboard).
 */
export type DashboardWindows = {
  from: Date;
  to: Date;
  previousFrom: Date;
  monthStart: Date;
  successFrom: Date;
  now: Date;
};

export function dashboardWindows(range: DashboardRange, now: Date): DashboardWindows {
  const span = range.to.getTime() - range.from.getTime();
  return {
    from: range.from,
    to: range.to,
    previousFrom: new Date(range.from.getTime() - span),
    monthStart: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
    successFrom: new Date(now.getTime() - SUMMARY_SUCCESS_DAYS * DAY_MS),
    now,
  };
}

/** Trend buckets: ~10 points for a month (3 days), weekly up to half a year, 30 days beyond. */
export function bucketDaysFor(range: DashboardRange): number {
  const days = (range.to.getTime() - range.from.getTime()) / DAY_MS;
  if (days <= 45) return 3;
  if (days <= 180) return 7;
  return 30;
}

export type TrendBucket = { index: number; from: Date; to: Date };

/** Consecutive buckets from the range's start; the last one ends with the range (it may be shorter). */
export function trendBuckets(range: DashboardRange, bucketDays: number): TrendBucket[] {
  const size = bucketDays * DAY_MS;
  const start = range.from.getTime();
  const end = range.to.getTime();
  const buckets: TrendBucket[] = [];
  for (let index = 0; start + index * size < end; index += 1) {
    buckets.push({
      index,
      from: new Date(start + index * size),
      to: new Date(Math.min(end, start + (index + 1) * size)),
    });
  }
  return buckets;
}
