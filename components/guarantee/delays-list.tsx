import { Badge } from "@/components/ui/badge";
import { formatDateTime, plural } from "@/lib/format";
import { DELAY_STATUS } from "./labels";

export type DelayRow = {
  id: string;
  reason: string;
  evidence: string | null;
  days: number;
  status: string;
  createdAt: Date;
  decidedAt: Date | null;
  recordedBy: { name: string } | null;
  decidedBy: { name: string } | null;
};

/** Customer-caused delays of a guarantee, oldest first; `action(delay)` renders an action under each (the portal's decision). */
export function DelaysList({ delays, action }: { delays: DelayRow[]; action?: (d: DelayRow) => React.ReactNode }) {
  if (delays.length === 0)
    return <p className="text-sm text-muted-foreground">No customer-caused delay has been recorded.</p>;
  return (
    <ul className="grid gap-2">
      {delays.map((d) => {
        const status = DELAY_STATUS[d.status] ?? { label: d.status, tone: "outline" as const };
        return (
          <li key={d.id} className="grid gap-1 rounded-md border p-3 text-sm">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium">
                {plural(d.days, "day")}: {d.reason}
              </span>
              <Badge variant={status.tone}>{status.label}</Badge>
            </div>
            {d.evidence ? <p className="text-muted-foreground">Evidence: {d.evidence}</p> : null}
            <p className="text-xs text-muted-foreground">
              Recorded {formatDateTime(d.createdAt)}
              {d.recordedBy ? ` by ${d.recordedBy.name}` : ""}
              {d.decidedAt
                ? ` · ${status.label.toLowerCase()} ${formatDateTime(d.decidedAt)}${d.decidedBy ? ` by ${d.decidedBy.name}` : ""}`
                : ""}
            </p>
            {action?.(d)}
          </li>
        );
      })}
    </ul>
  );
}
