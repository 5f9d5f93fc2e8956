import { Badge } from "@/components/ui/badge";
import { formatDate, plural } from "@/lib/format";
import { CLOCK_STATE } from "./labels";

export type ClockView = {
  startsAt: Date;
  endsAt: Date;
  baseEndsAt: Date;
  activeDays: number;
  pausedDays: number;
  state: string;
  daysLeft: number;
  explanation: string;
};

/** The guarantee clock: where it stands, how much acknowledged delays paused it, and why. Days left come from the clock engine only (docs/guarantee-clock.md). */
export function ClockPanel({ clock }: { clock: ClockView }) {
  const state = CLOCK_STATE[clock.state] ?? { label: clock.state, tone: "outline" as const };
  const used = clock.activeDays > 0 ? Math.round(((clock.activeDays - clock.daysLeft) / clock.activeDays) * 100) : 100;
  const notStarted = clock.state === "not_started";
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <Badge variant={state.tone}>{state.label}</Badge>
        {notStarted ? <span className="text-sm font-medium">Starts {formatDate(clock.startsAt)}</span> : null}
        <span className="text-sm text-muted-foreground">{clock.explanation}</span>
      </div>
      <div
        role="progressbar"
        aria-label="Guarantee period used"
        aria-valuenow={used}
        aria-valuemin={0}
        aria-valuemax={100}
        className="h-2 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full rounded-full bg-primary" style={{ width: `${Math.max(0, Math.min(100, used))}%` }} />
      </div>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-muted-foreground">{notStarted ? "Starts" : "Started"}</dt>
          <dd className="font-medium">{formatDate(clock.startsAt)}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Ends</dt>
          <dd className="font-medium">{formatDate(clock.endsAt)}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Paused by delays</dt>
          <dd className="font-medium">{plural(clock.pausedDays, "day")}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Days left</dt>
          <dd className="font-medium">{clock.daysLeft}</dd>
        </div>
      </dl>
    </div>
  );
}
