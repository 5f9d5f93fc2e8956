import { isoWeekKey } from "@/domain/progress/calendar";

/** Period keys (UTC): a job runs at most once per key. */
export const minuteKey = (now: Date) => now.toISOString().slice(0, 16);
export const hourKey = (now: Date) => now.toISOString().slice(0, 13);
export const dayKey = (now: Date) => now.toISOString().slice(0, 10);
export const weekKey = (now: Date) => isoWeekKey(now);
