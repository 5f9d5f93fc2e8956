import { z } from "zod";
import { isTimeOfDay, isTimeZone } from "@/domain/calendar/events";
import { ZIdSchema } from "./common";

/** Inputs of the calendar settings (docs/calendar.md). */

const ZTimeOfDaySchema = (what: string) =>
  z
    .string({ message: `Give the ${what} as a time like 09:30` })
    .trim()
    .refine(isTimeOfDay, `Give the ${what} as a time like 09:30 (24-hour clock)`);

/** A meeting link: https only, since it goes into every attendee's calendar. */
export const ZMeetingUrlSchema = z
  .string({ message: "Give the link as text" })
  .trim()
  .max(500, "A link is at most 500 characters")
  .url("Give a full link, like https://meet.example.com/abc")
  .refine((u) => u.toLowerCase().startsWith("https://"), "Use an https:// link");

/** A moment as the browser's datetime-local value (YYYY-MM-DDTHH:MM), read in the workspace time zone. */
export const ZLocalDateTimeSchema = z
  .string({ message: "Give a date and time" })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Give a date and time like 2026-12-07T10:00");

export const ZTimeZoneSchema = z
  .string({ message: "Choose a time zone" })
  .trim()
  .refine(isTimeZone, "Choose a time zone from the list (a name like Europe/Berlin)");

export const ZProjectCalendarSchema = z.object({
  projectId: ZIdSchema,
  /** empty = no kickoff meeting (an existing one is cancelled) */
  kickoffMeetingAt: ZLocalDateTimeSchema.or(z.literal("")).default(""),
  reviewTime: ZTimeOfDaySchema("weekly review time"),
  standupEnabled: z.boolean({ message: "Say whether the project holds a daily standup" }),
  standupTime: ZTimeOfDaySchema("standup time"),
  meetingUrl: ZMeetingUrlSchema.or(z.literal("")).default(""),
});

export const ZScheduleSessionSchema = z
  .object({
    deliveryId: ZIdSchema,
    /** empty = not scheduled (an invite already sent is cancelled) */
    sessionAt: ZLocalDateTimeSchema.or(z.literal("")).default(""),
    joinUrl: ZMeetingUrlSchema.or(z.literal("")).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.sessionAt && !v.joinUrl)
      ctx.addIssue({ code: "custom", path: ["joinUrl"], message: "Give the link people join the session with" });
  });

export type ProjectCalendarInput = z.infer<typeof ZProjectCalendarSchema>;
export type ScheduleSessionInput = z.infer<typeof ZScheduleSessionSchema>;
