import { Badge, type BadgeProps } from "@/components/ui/badge";
import { formatPercent } from "@/lib/format";
import type { Decision, FeasibilityResult, Severity } from "@/domain/feasibility/analyze";
import { Bar } from "./score-bars";

type Tone = NonNullable<BadgeProps["variant"]>;
const DECISION: Record<Decision, { label: string; tone: Tone }> = {
  proceed: { label: "Proceed", tone: "success" },
  proceed_with_conditions: { label: "Proceed with conditions", tone: "warning" },
  stop: { label: "Stop", tone: "destructive" },
};
const SEVERITY: Record<Severity, Tone> = {
  critical: "destructive",
  high: "destructive",
  medium: "warning",
  low: "outline",
};

export function FeasibilityResultView({ result, configVersion }: { result: FeasibilityResult; configVersion: number }) {
  const subs = [
    { key: "technical", label: "Technical", data: result.technical, weight: result.weights.technical },
    { key: "timeline", label: "Timeline", data: result.timeline, weight: result.weights.timeline },
    { key: "resource", label: "Resource", data: result.resource, weight: result.weights.resource },
  ];
  const decision = DECISION[result.decision];
  return (
    <section aria-labelledby="feas-result" aria-live="polite" className="grid gap-4 rounded-lg border p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="feas-result" className="font-semibold">
          Result <span className="text-xs font-normal text-muted-foreground">(configuration v{configVersion})</span>
        </h3>
        <Badge variant={decision.tone}>{decision.label}</Badge>
      </div>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-muted-foreground">Feasibility</dt>
          <dd className="text-lg font-semibold tabular-nums">{result.feasibilityScore.toFixed(1)}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Pass bar</dt>
          <dd className="font-medium">
            {result.passScore} ({result.passed ? "passed" : "not met"})
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Success probability</dt>
          <dd className="text-lg font-semibold tabular-nums">{formatPercent(result.successProbability * 100)}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Complexity</dt>
          <dd className="font-medium capitalize">{result.complexity}</dd>
        </div>
      </dl>
      <p className="text-sm text-muted-foreground">{result.complexityReason}</p>
      <ul className="grid gap-3">
        {subs.map((s) => (
          <li key={s.key} className="grid gap-1">
            <div className="flex justify-between text-sm">
              <span className="font-medium">
                {s.label}{" "}
                <span className="font-normal text-muted-foreground">(weight {Math.round(s.weight * 100)}%)</span>
              </span>
              <span className="tabular-nums">{s.data.score.toFixed(1)}/100</span>
            </div>
            <Bar value={s.data.score} max={100} label={`${s.label} score ${s.data.score} of 100`} />
            <ul className="list-disc pl-5 text-sm text-muted-foreground">
              {s.data.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {result.successProbabilityReasons.length > 0 ? (
        <div>
          <h4 className="text-sm font-medium">Success probability</h4>
          <ul className="list-disc pl-5 text-sm text-muted-foreground">
            {result.successProbabilityReasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <h4 className="text-sm font-medium">Risk factors</h4>
        {result.riskFactors.length === 0 ? (
          <p className="text-sm text-muted-foreground">None found.</p>
        ) : (
          <ul className="grid gap-1 text-sm">
            {result.riskFactors.map((r) => (
              <li key={r.key} className="flex flex-wrap items-baseline gap-2">
                <Badge variant={SEVERITY[r.severity]}>{r.severity}</Badge>
                <span className="font-medium">{r.label}</span>
                <span className="text-muted-foreground">— {r.detail}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h4 className="text-sm font-medium">Blockers</h4>
        {result.blockers.length === 0 ? (
          <p className="text-sm text-muted-foreground">No blockers.</p>
        ) : (
          <ul className="list-disc pl-5 text-sm text-destructive">
            {result.blockers.map((b) => (
              <li key={b.key}>{b.detail}</li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h4 className="text-sm font-medium">Recommended approach</h4>
        <p className="text-sm">{result.recommendedApproach}</p>
      </div>
    </section>
  );
}
