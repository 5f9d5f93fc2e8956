import { formatDateTime, formatRelative } from "@/lib/format";
import { cn } from "@/lib/utils";

/**
 * A moment relative to `now` ("2 hours ago"), with the absolute date and time on hover and for machines.
 * Render it where `now` is the request's time (a server component), so server and browser agree.
 */
export function RelativeTime({ date, now, className }: { date: Date; now: Date; className?: string }) {
  return (
    <time className={cn(className)} dateTime={date.toISOString()} title={formatDateTime(date)}>
      {formatRelative(date, now)}
    </time>
  );
}
