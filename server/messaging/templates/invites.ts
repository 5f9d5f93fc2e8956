import type { CalendarEventSpec } from "@/domain/calendar/events";
import { formatDateTimeIn } from "@/lib/format";
import type { MessageDoc } from "./render";

/** What an invite email says about its change (docs/calendar.md#invites). */
export type InviteChange = "new" | "updated" | "cancelled";

const SUBJECT_PREFIX: Record<InviteChange, string> = {
  new: "Invitation",
  updated: "Updated invitation",
  cancelled: "Cancelled",
};

const REPEATS = (e: CalendarEventSpec, timeZone: string): string | null => {
  if (!e.recurrence) return null;
  const until = formatDateTimeIn(e.recurrence.until, timeZone);
  return e.recurrence.freq === "WEEKLY" ? `Every week until ${until}` : `Every working day until ${until}`;
};

/** The email that carries an invite; the .ics attachment is what calendars read. */
export function inviteDocument(
  e: CalendarEventSpec,
  change: InviteChange,
  ctx: { recipientName: string; tenantName: string; link: string },
): MessageDoc {
  const when = formatDateTimeIn(e.start, e.timeZone);
  const repeats = REPEATS(e, e.timeZone);
  const facts = [
    { label: "When", value: when },
    { label: "Length", value: `${e.durationMinutes} minutes` },
    ...(repeats ? [{ label: "Repeats", value: repeats }] : []),
    ...(e.url ? [{ label: "Join", value: e.url }] : []),
  ];
  const intro =
    change === "cancelled"
      ? `Hello ${ctx.recipientName}, "${e.summary}" is cancelled. Your calendar removes it when you open the attached invite.`
      : change === "updated"
        ? `Hello ${ctx.recipientName}, "${e.summary}" changed. The attached invite updates your calendar.`
        : `Hello ${ctx.recipientName}, you are invited to "${e.summary}". Add it to your calendar with the attached invite.`;
  return {
    subject: `${SUBJECT_PREFIX[change]}: ${e.summary}`,
    intro,
    sections: [
      {
        title: e.summary,
        facts,
        lists: [],
        note: change === "cancelled" ? null : e.description,
        link: e.url && change !== "cancelled" ? { label: "Join", url: e.url } : null,
      },
    ],
    trailer: null,
    footer: `Sent by ${ctx.tenantName} through Onward.`,
    inApp: { title: `${SUBJECT_PREFIX[change]}: ${e.summary}`, body: when, link: ctx.link },
  };
}
