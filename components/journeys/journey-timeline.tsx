import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format";
import type { PhaseState } from "@/domain/journey/phases";
import { PHASE_STATUS_TONE } from "./labels";
import { kickoffPhaseLabel } from "@/lib/labels/kickoff-phase";
import { stepStatusLabel } from "@/lib/labels/step-status";

/** The journey's phases in order, each with its state, what happened, why it stopped and what to do. */
export function JourneyTimeline({ phases, labels }: { phases: readonly PhaseState[]; labels: Record<string, string> }) {
  return (
    <ol className="grid gap-3" aria-label="Journey phases">
      {phases.map((p, i) => (
        <li key={p.phase} className="grid grid-cols-[2rem_1fr] gap-3">
          <span
            aria-hidden
            className={`mt-0.5 grid size-7 place-items-center rounded-full border text-xs font-semibold ${p.status === "completed" ? "bg-primary text-primary-foreground" : ""}`}
          >
            {i + 1}
          </span>
          <div className="grid gap-1 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{labels[p.phase] ?? p.phase}</span>
              <Badge variant={PHASE_STATUS_TONE[p.status] ?? "outline"}>{stepStatusLabel(p.status)}</Badge>
              {p.finishedAt ? (
                <span className="text-xs text-muted-foreground">{formatDateTime(p.finishedAt)}</span>
              ) : null}
            </div>
            {p.detail ? <p className="text-muted-foreground">{p.detail}</p> : null}
            {p.error ? <p className="text-destructive">{p.error}</p> : null}
            {p.reasons.length > 0 ? (
              <ul className="list-disc pl-5">
                {p.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : null}
            {p.recoveryActions && p.recoveryActions.length > 0 ? (
              <div>
                <p className="font-medium">What to do</p>
                <ul className="list-disc pl-5">
                  {p.recoveryActions.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {p.steps && p.steps.length > 0 ? (
              <ul className="flex flex-wrap gap-1" aria-label="Kickoff steps">
                {p.steps.map((s) => (
                  <li key={s.phase}>
                    <Badge variant={PHASE_STATUS_TONE[s.status] ?? "outline"}>
                      {kickoffPhaseLabel(s.phase)}: {stepStatusLabel(s.status).toLowerCase()}
                    </Badge>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
