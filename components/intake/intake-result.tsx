import { Bar, FIT_STATUS } from "@/components/leads/detail/score-bars";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DEFAULT_CURRENCY, formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/format";
import { BookCall } from "./book-call";
import { MarkdownText } from "@/components/ui/markdown";
import type { IntakeResult } from "./types";

const SEVERITY_TONE = { low: "outline", medium: "secondary", high: "warning", critical: "destructive" } as const;

/** The explained result: every number with the reason behind it, from the same engines a CSM uses. */
export function IntakeResultView({ result, token }: { result: IntakeResult; token: string }) {
  const { score, tier, feasibility: f } = result;
  const fits = result.fit.filter((x) => x.status === "ideal" || x.status === "fits");
  const others = result.fit.filter((x) => x.status !== "ideal" && x.status !== "fits");
  return (
    <div className="grid min-w-0 gap-6 break-words">
      <Card>
        <CardHeader>
          <CardTitle as="h2">Your readiness score</CardTitle>
          <CardDescription>
            Prepared for {result.preparedFor.name}, {result.preparedFor.company}, on {formatDate(result.submittedAt)}.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <div className="flex flex-wrap items-end gap-3">
            <p className="text-5xl font-semibold tabular-nums" data-testid="readiness-score">
              {score.score.toFixed(1)}
              <span className="text-xl text-muted-foreground">/100</span>
            </p>
            <Badge variant={score.passed ? "success" : "warning"} className="mb-2">
              {score.passed ? "Ready to start" : "Not ready yet"}
            </Badge>
          </div>
          <p className="text-sm">
            {score.points} of {score.maxPoints} points.{" "}
            {score.passed
              ? `That is at or above the ${score.passScore}-point bar for a fixed-scope project.`
              : `A fixed-scope project starts at ${score.passScore} points; below you can see what would get you there.`}
          </p>
          <ul className="grid gap-3" aria-label="Score by category">
            {result.categories.map((c) => (
              <li key={c.key} className="grid gap-1">
                <div className="flex justify-between text-sm">
                  <span>{c.label}</span>
                  <span className="tabular-nums text-muted-foreground">
                    {c.points}/{c.maxPoints}
                  </span>
                </div>
                <Bar value={c.points} max={c.maxPoints} label={`${c.label}: ${c.points} of ${c.maxPoints} points`} />
              </li>
            ))}
          </ul>
          <details className="text-sm text-muted-foreground">
            <summary className="cursor-pointer">How this score was calculated</summary>
            <p className="mt-2">{score.explanation}</p>
          </details>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">What would raise your score</CardTitle>
          <CardDescription>The biggest steps first; each shows the points it adds.</CardDescription>
        </CardHeader>
        <CardContent>
          {result.improvements.length === 0 ? (
            <p className="text-sm">Nothing: every question earned its full points.</p>
          ) : (
            <ol className="grid list-decimal gap-2 pl-5 text-sm">
              {result.improvements.map((i) => (
                <li key={i.criterion}>{i.message}</li>
              ))}
            </ol>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">Services that fit</CardTitle>
          <CardDescription>Each service has its own minimum score, key factors and deal-breakers.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          {fits.length === 0 ? (
            <p className="text-sm">None fits yet: the steps above are what would change that.</p>
          ) : null}
          {[...fits, ...others].map((x) => (
            <details
              key={x.serviceType}
              open={x.status === "ideal" || x.status === "fits"}
              className="rounded-md border p-3"
            >
              <summary className="flex cursor-pointer flex-wrap items-center justify-between gap-2">
                <span className="font-medium">{x.label}</span>
                <Badge variant={FIT_STATUS[x.status].tone}>{FIT_STATUS[x.status].label}</Badge>
              </summary>
              <ul className="mt-2 list-disc pl-5 text-sm text-muted-foreground">
                {x.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </details>
          ))}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">Recommended package</CardTitle>
          {!score.passed && tier ? (
            <CardDescription>
              Once the readiness gaps are closed, this is the package that would suit you.
            </CardDescription>
          ) : null}
        </CardHeader>
        <CardContent className="grid gap-3 text-sm">
          {tier ? (
            <>
              <p className="text-lg font-semibold" data-testid="recommended-tier">
                {tier.name}
              </p>
              <dl className="grid grid-cols-2 gap-3">
                <div>
                  <dt className="text-muted-foreground">Estimated price</dt>
                  <dd className="font-medium tabular-nums">
                    {formatMoney(tier.priceCents, DEFAULT_CURRENCY, "short")}
                  </dd>
                </div>
                <div>
                  <dt className="text-muted-foreground">Price range</dt>
                  <dd className="font-medium tabular-nums">
                    {formatMoney(tier.priceRangeCents[0], DEFAULT_CURRENCY, "short")} –{" "}
                    {formatMoney(tier.priceRangeCents[1], DEFAULT_CURRENCY, "short")}
                  </dd>
                </div>
                <div>
                  <dt className="text-muted-foreground">Timeline</dt>
                  <dd className="font-medium">about {tier.timelineWeeks} weeks</dd>
                </div>
                <div>
                  <dt className="text-muted-foreground">Your budget</dt>
                  <dd className="font-medium">{result.budgetBand}</dd>
                </div>
              </dl>
              <p>{tier.valueProposition}</p>
            </>
          ) : (
            <p>No package fits your answers yet.</p>
          )}
          <details className="text-muted-foreground">
            <summary className="cursor-pointer">Why this recommendation</summary>
            <ul className="mt-2 list-disc pl-5">
              {result.tierReasoning.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </details>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">Your project at a glance</CardTitle>
          <CardDescription>
            Feasibility {f.score.toFixed(1)}/100 · {f.complexity} complexity · {Math.round(f.successProbability * 100)}%
            estimated chance of success
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3 text-sm">
          <p>
            We estimate about <strong>{f.requiredWeeks} weeks</strong> of work for what you described; you asked for{" "}
            {f.offeredWeeks}. A typical delivery of this size costs around{" "}
            {formatMoney(f.estimatedCostCents, DEFAULT_CURRENCY, "short")}; we used{" "}
            {formatMoney(f.budgetCents, DEFAULT_CURRENCY, "short")} for your budget range.
          </p>
          {f.blockers.length > 0 ? (
            <ul className="grid gap-1" aria-label="Blockers">
              {f.blockers.map((b) => (
                <li key={b.key} className="text-destructive">
                  Blocker: {b.detail}
                </li>
              ))}
            </ul>
          ) : null}
          {f.risks.length > 0 ? (
            <ul className="grid gap-2" aria-label="Risks">
              {f.risks.map((r) => (
                <li key={r.key} className="flex flex-wrap items-start gap-2">
                  <Badge variant={SEVERITY_TONE[r.severity]}>{r.severity}</Badge>
                  <span>
                    <span className="font-medium">{r.label}:</span> {r.detail}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>No notable risks in what you described.</p>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">{result.guarantee.title}</CardTitle>
          <CardDescription>
            Every project is measured against clear success criteria at day 30
            {tier ? ` (${tier.successThreshold}% for the ${tier.name})` : ""}.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <MarkdownText text={result.guarantee.body} />
        </CardContent>
      </Card>

      <Card id="next-step">
        <CardHeader>
          <CardTitle as="h2">Next step: talk it through</CardTitle>
          <CardDescription>
            Your assessment is with {result.tenant.name} already. Book a call and we will plan the start of your project
            together.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <BookCall
            tenantSlug={result.tenant.slug}
            token={token}
            tenantName={result.tenant.name}
            requested={result.callRequested}
          />
        </CardContent>
      </Card>

      <p className="text-center text-sm text-muted-foreground">
        A copy was emailed to {result.preparedFor.email}. This page stays available until {formatDate(result.expiresAt)}
        ; keep its link private.
      </p>
    </div>
  );
}
