import { db } from "@/server/db/client";
import { calendarFeedIcs } from "@/server/services/calendar";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("Calendar not found", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

/**
 * GET /calendar/<token>.ics — a person's private calendar feed (docs/calendar.md#feed), subscribed to as
 * webcal://. The token in the path is the only credential (calendar apps send no cookies); an unknown,
 * revoked or malformed one is 404, the same answer as a path that never existed.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = (await params).file;
  if (!file.endsWith(".ics")) return notFound();
  const ics = await calendarFeedIcs(db(), file.slice(0, -".ics".length), new Date());
  if (ics === null) return notFound();
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="onward.ics"',
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    },
  });
}
