import Link from "next/link";
import { cn } from "@/lib/utils";
import { RANGE_PRESETS, type RangePreset } from "@/domain/dashboard/range";
import { withRange } from "./format";

/** The date range as links (the range lives in the URL): keyboard-reachable, shareable, no script needed. */
export function RangeSelector({
  path,
  current,
  extra,
}: {
  path: string;
  current: RangePreset;
  extra?: Record<string, string>;
}) {
  return (
    <nav aria-label="Date range">
      <ul className="inline-flex rounded-lg border bg-muted p-1 text-sm">
        {RANGE_PRESETS.map((days) => {
          const active = days === current;
          return (
            <li key={days}>
              <Link
                href={withRange(path, days, extra)}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex h-8 items-center rounded-md px-3 font-medium outline-none transition-colors focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background",
                  active ? "bg-background text-foreground shadow-xs" : "text-muted-foreground hover:text-foreground",
                )}
              >
                {days} days
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
