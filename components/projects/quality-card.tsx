"use client";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RouterOutputs } from "@/trpc/types";
import { formatDateTime } from "@/lib/format";
import { QUALITY_TYPE_LABEL } from "@/lib/labels/quality-type";
import { QualityScoreChart } from "./quality-score-chart";
import { QualityValidationForm } from "./quality-validation-form";

const IMPACT_TONE = { critical: "destructive", high: "warning", medium: "outline", low: "outline" } as const;
const num = (n: number) => String(Math.round(n * 100) / 100);
/** "from lcov (lcov.info) in job “test”, commit 9fceb02, …" reads as a sentence with a capital. */
const sourceText = (source: string) => source.charAt(0).toUpperCase() + source.slice(1);

/** Quality gates of a project (docs/domain.md#quality-gates): score over time, the latest gates with their sources, recommendations, a validation form. */
export function QualityCard({
  projectId,
  canWrite,
  history,
}: {
  projectId: string;
  canWrite: boolean;
  history: RouterOutputs["quality"]["history"];
}) {
  const latest = history.latest;

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Quality gates</CardTitle>
        <CardDescription>
          Code, delivery and process gates with their thresholds. Code gates read the CI reports of the latest commit;
          each result says which report, job and commit its number came from. A code gate no report measured shows No
          data and does not count.
        </CardDescription>
        {latest ? (
          <CardAction>
            {latest.standing.state === "escalated" ? (
              <Badge variant="destructive">Escalated</Badge>
            ) : latest.standing.state === "gates_failed" ? (
              <Badge variant="warning">
                {latest.standing.failed} of {latest.standing.total} gates failed
              </Badge>
            ) : (
              <Badge variant="success">All gates passed</Badge>
            )}
          </CardAction>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-6">
        {history.points.length === 0 || !latest ? (
          <EmptyState
            title="No quality validation yet"
            description="Connect the project's CI with an API token, or run a validation below: the first result starts the chart."
            headingAs="h3"
          />
        ) : (
          <>
            <QualityScoreChart
              points={history.points}
              escalationScore={history.preview.config.escalation.escalationScore}
            />
            <section aria-labelledby="quality-latest" className="grid gap-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 id="quality-latest" className="font-medium">
                  Latest: {QUALITY_TYPE_LABEL[latest.type] ?? "Quality"} score {num(latest.score)}
                </h3>
                <span className="text-sm text-muted-foreground">
                  {formatDateTime(latest.createdAt)} ·{" "}
                  {latest.results.trigger === "api"
                    ? "from CI"
                    : `by ${latest.results.validatedBy?.name ?? "a team member"}`}
                </span>
              </div>
              <p className="text-sm text-muted-foreground">{latest.results.scoreReason}</p>
              {latest.results.escalationReasons.length > 0 ? (
                <Alert variant="destructive">
                  <AlertDescription>{latest.results.escalationReasons.join(". ")}.</AlertDescription>
                </Alert>
              ) : null}
              <Table>
                <TableCaption className="sr-only">Gates of the latest validation</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHead>Gate</TableHead>
                    <TableHead>Threshold</TableHead>
                    <TableHead>Actual</TableHead>
                    <TableHead>Result</TableHead>
                    <TableHead>Source</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {latest.results.gates.map((g) => (
                    <TableRow key={g.gate}>
                      <TableCell className="font-medium">{g.label}</TableCell>
                      <TableCell className="tabular-nums">
                        {g.comparator} {num(g.threshold)}
                        {g.unit}
                      </TableCell>
                      <TableCell className="tabular-nums">
                        {g.actual === null ? "No data" : `${num(g.actual)}${g.unit}`}
                      </TableCell>
                      <TableCell>
                        {g.passed ? (
                          <Badge variant="success">Pass</Badge>
                        ) : g.status === "no_data" ? (
                          <Badge variant="outline">No data</Badge>
                        ) : (
                          <Badge variant="destructive">Fail</Badge>
                        )}
                      </TableCell>
                      <TableCell className="text-muted-foreground">{sourceText(g.source)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {latest.recommendations.length > 0 ? (
                <div className="grid gap-2">
                  <h4 className="text-sm font-medium">Recommendations</h4>
                  <ul className="grid gap-1.5 text-sm">
                    {latest.recommendations.map((r) => (
                      <li key={r.gate} className="flex items-start gap-2">
                        <Badge variant={IMPACT_TONE[r.impact]}>{r.impact}</Badge>
                        <span>{r.text}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </section>
          </>
        )}
        {canWrite ? <QualityValidationForm projectId={projectId} preview={history.preview} /> : null}
      </CardContent>
    </Card>
  );
}
