import { plural } from "@/lib/format";
/**
 * The guarantee clock (docs/domain.md#guarantee "30-Day Success Guarantee Program"). Pure: dates in, the clock's
 * state out, each number with its sentence. No I/O, `now` is passed in.
 *
 * Ours (the seed has a fixed 30 days): a technical lead records a customer-caused delay of n days; it
 * pauses the clock from the moment it was recorded for n days once the customer acknowledges it. The
 * guarantee runs for a fixed amount of *active* time, so the end moves by the paused time. Overlapping
 * pauses count once (their union), a disputed or undecided delay pauses nothing, and a pause before the
 * start is ignored. The stored end date always equals the start plus the active time plus the pauses, so
 * the active time is recovered from the stored dates (the tenant's period may change later; a running
 * guarantee keeps its own).
 * Days left (docs/guarantee-clock.md): unpaused time still to run in whole days, a part-day counting as
 * a day, never more than the guarantee's length; a clock that has not started yet has its whole length
 * left and says when it starts. Every screen reads this one number.
 */
export type DelayStatus = "PROPOSED" | "ACKNOWLEDGED" | "DISPUTED";
export type ClockDelay = { id: string; days: number; status: DelayStatus; recordedAt: Date };
export type Interval = { from: number; to: number };

export const DAY_MS = 86_400_000;

/** Stored delay rows (recorded at their creation) as the clock reads them. */
export function clockDelays(
  rows: readonly { id: string; days: number; status: DelayStatus; createdAt: Date }[],
): ClockDelay[] {
  return rows.map((d) => ({ id: d.id, days: d.days, status: d.status, recordedAt: d.createdAt }));
}

export function delayInterval(d: Pick<ClockDelay, "days" | "recordedAt">): Interval {
  return { from: d.recordedAt.getTime(), to: d.recordedAt.getTime() + d.days * DAY_MS };
}

/** Sorted, non-overlapping union of the intervals (touching ones merge). */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].filter((i) => i.to > i.from).sort((a, b) => a.from - b.from);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.from <= last.to) last.to = Math.max(last.to, i.to);
    else out.push({ ...i });
  }
  return out;
}

export const pauses = (delays: readonly ClockDelay[]): Interval[] =>
  mergeIntervals(delays.filter((d) => d.status === "ACKNOWLEDGED").map(delayInterval));

/** Paused time inside [from, to). */
export function overlapMs(merged: readonly Interval[], from: number, to: number): number {
  return merged.reduce((sum, i) => sum + Math.max(0, Math.min(i.to, to) - Math.max(i.from, from)), 0);
}

/** The moment the clock has run `activeMs` of unpaused time since `start`. */
export function clockEnd(start: number, activeMs: number, merged: readonly Interval[]): number {
  let t = start;
  let remaining = activeMs;
  for (const p of merged) {
    if (p.to <= t) continue;
    const from = Math.max(p.from, t);
    if (from - t >= remaining) break;
    remaining -= from - t;
    t = p.to;
  }
  return t + remaining;
}

export type ClockState = "not_started" | "running" | "paused" | "ended";

export type GuaranteeClock = {
  startsAt: Date;
  /** start + the guarantee's active period (what the end would be without any pause) */
  baseEndsAt: Date;
  endsAt: Date;
  activeDays: number;
  pausedDays: number;
  state: ClockState;
  /** whole unpaused days still to run (a part-day counts as one), at most the guarantee's length; 0 once ended */
  daysLeft: number;
  /** the end each undecided delay would give if the customer acknowledged it (alone) */
  pending: { id: string; days: number; wouldEndAt: Date }[];
  explanation: string;
};

const days1 = (ms: number) => Math.round((ms / DAY_MS) * 10) / 10;
/** whole days, a part-day counting as a day (1e-9 absorbs float noise on exact days) */
const wholeDays = (ms: number) => Math.max(0, Math.ceil(ms / DAY_MS - 1e-9));
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The clock of a guarantee whose stored dates are `startsAt`/`endsAt` with these delays. `endsAt` must
 * already include the acknowledged delays (as every write keeps it).
 */
export function guaranteeClock(
  input: { startsAt: Date; endsAt: Date; delays: readonly ClockDelay[] },
  now: Date,
): GuaranteeClock {
  const start = input.startsAt.getTime();
  const merged = pauses(input.delays);
  const end = input.endsAt.getTime();
  const activeMs = Math.max(0, end - start - overlapMs(merged, start, end));
  const pausedMs = end - start - activeMs;
  const t = now.getTime();
  const state: ClockState =
    t >= end
      ? "ended"
      : t < start
        ? "not_started"
        : merged.some((p) => p.from <= t && t < p.to && p.from < end)
          ? "paused"
          : "running";
  const lengthDays = wholeDays(activeMs);
  const daysLeft =
    state === "ended"
      ? 0
      : state === "not_started"
        ? lengthDays
        : Math.min(lengthDays, wholeDays(end - t - overlapMs(merged, t, end)));
  const pending = input.delays
    .filter((d) => d.status === "PROPOSED")
    .map((d) => ({
      id: d.id,
      days: d.days,
      wouldEndAt: new Date(clockEnd(start, activeMs, mergeIntervals([...merged, delayInterval(d)]))),
    }));
  const parts = [`${days1(activeMs)} day guarantee from ${isoDay(input.startsAt)}`];
  parts.push(
    pausedMs > 0
      ? `paused ${plural(days1(pausedMs), "day")} by acknowledged customer delays, so it ends ${isoDay(input.endsAt)}`
      : `ends ${isoDay(input.endsAt)}`,
  );
  parts.push(
    state === "ended"
      ? "the clock has ended"
      : state === "not_started"
        ? `not started: starts ${isoDay(input.startsAt)} with ${plural(daysLeft, "day")} to run`
        : state === "paused"
          ? `paused now; ${plural(daysLeft, "day")} left`
          : `${plural(daysLeft, "day")} left`,
  );
  if (pending.length > 0) parts.push(`${plural(pending.length, "delay")} await the customer's decision`);
  return {
    startsAt: input.startsAt,
    baseEndsAt: new Date(start + activeMs),
    endsAt: input.endsAt,
    activeDays: days1(activeMs),
    pausedDays: days1(pausedMs),
    state,
    daysLeft,
    pending,
    explanation: `${parts.join("; ")}.`,
  };
}

/** The end date after the customer acknowledges `delayId` (the other acknowledged delays stay). */
export function endAfterAcknowledging(
  input: { startsAt: Date; endsAt: Date; delays: readonly ClockDelay[] },
  delayId: string,
): Date {
  const start = input.startsAt.getTime();
  const before = pauses(input.delays);
  const activeMs = Math.max(0, input.endsAt.getTime() - start - overlapMs(before, start, input.endsAt.getTime()));
  const after = pauses(input.delays.map((d) => (d.id === delayId ? { ...d, status: "ACKNOWLEDGED" as const } : d)));
  return new Date(clockEnd(start, activeMs, after));
}

export type DelayCheck = { ok: true } | { ok: false; field: "days" | "guarantee"; message: string };

/** Whether a new delay of `days` may be recorded now (seed-free limits from the tenant's config). */
export function checkNewDelay(
  input: { status: string; endsAt: Date; delays: readonly ClockDelay[] },
  days: number,
  limits: { maxDaysPerDelay: number; maxTotalDays: number },
  now: Date,
): DelayCheck {
  if (input.status !== "ACTIVE" && input.status !== "PAUSED")
    return {
      ok: false,
      field: "guarantee",
      message: "The guarantee has been decided: its clock can no longer change.",
    };
  if (now.getTime() >= input.endsAt.getTime())
    return { ok: false, field: "guarantee", message: "The guarantee's clock has already ended." };
  if (!Number.isInteger(days) || days < 1)
    return { ok: false, field: "days", message: "A delay is at least 1 whole day." };
  if (days > limits.maxDaysPerDelay)
    return { ok: false, field: "days", message: `A single delay is at most ${limits.maxDaysPerDelay} days.` };
  const claimed = input.delays.filter((d) => d.status !== "DISPUTED").reduce((s, d) => s + d.days, 0);
  if (claimed + days > limits.maxTotalDays) {
    return {
      ok: false,
      field: "days",
      message: `Delays on this guarantee may total at most ${limits.maxTotalDays} days; ${claimed} are already recorded (acknowledged or awaiting the customer).`,
    };
  }
  return { ok: true };
}
