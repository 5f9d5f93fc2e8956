"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { StatTile } from "@/components/ui/stat-tile";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";
import { readError } from "@/lib/form-errors";
import { formatDate, plural } from "@/lib/format";
import { CSAT_TARGET, NPS_TARGET } from "@/domain/surveys/scores";
import { MILESTONE_STATUS_LABEL } from "@/lib/labels/milestone-status";

const TRIGGER: Record<string, string> = {
  MILESTONE_SIGN_OFF: "after sign-off",
  PROJECT_END: "project end",
  QUARTERLY: "quarterly",
  MANUAL: "manual",
};
const tone = (met: boolean | null) => (met === null ? "neutral" : met ? "success" : "warning");

/**
 * CSAT and NPS of a project (docs/domain.md#surveys targets CSAT ≥ 8.5, NPS ≥ 70), each survey with its
 * answer, and — for the technical lead — applying the mean CSAT to the week-4 satisfaction criterion.
 */
export function SurveysCard({
  projectId,
  results,
  canApply,
}: {
  projectId: string;
  results: RouterOutputs["surveys"]["forProject"];
  canApply: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const apply = useMutation(trpc.surveys.applyToMilestone.mutationOptions({ onSuccess: () => router.refresh() }));

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Customer satisfaction</CardTitle>
        <CardDescription>
          CSAT after each signed-off week and at project end; NPS at project end and quarterly. Scores 0–10.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <div className="grid gap-3 sm:grid-cols-2">
          <StatTile
            label="CSAT (mean)"
            value={results.csat.mean === null ? "—" : `${results.csat.mean}/10`}
            hint={
              results.csat.mean === null
                ? "No answer yet"
                : `${plural(results.csat.responses, "answer")}; target ≥ ${CSAT_TARGET}`
            }
            tone={tone(results.csat.meetsTarget)}
          />
          <StatTile
            label="NPS"
            value={results.nps.score === null ? "—" : String(results.nps.score)}
            hint={
              results.nps.score === null
                ? "No answer yet"
                : `${plural(results.nps.promoters, "promoter")} · ${plural(results.nps.passives, "passive")} · ${plural(results.nps.detractors, "detractor")}; target ≥ ${NPS_TARGET}`
            }
            tone={tone(results.nps.meetsTarget)}
          />
        </div>
        {results.satisfaction.criteria.length > 0 ? (
          <section aria-labelledby={`satisfaction-${projectId}`} className="grid gap-2 text-sm">
            <h3 id={`satisfaction-${projectId}`} className="font-medium">
              Satisfaction criterion
            </h3>
            {results.satisfaction.criteria.map((c) => (
              <p key={c.id}>
                Week {c.weekNumber} “{c.name}”: {c.score === null ? "not scored yet" : `scored ${c.score}`}
                {results.satisfaction.suggestedScore !== null
                  ? `; mean CSAT × 10 = ${results.satisfaction.suggestedScore}`
                  : "; no CSAT answer yet"}
                {c.validated ? "" : " (the week has not been validated yet)"}
              </p>
            ))}
            {canApply && results.satisfaction.suggestedScore !== null ? (
              <div className="flex flex-wrap items-center gap-3">
                <Button
                  size="sm"
                  variant="outline"
                  onClick={() => apply.mutate({ projectId })}
                  disabled={apply.isPending}
                >
                  {apply.isPending ? "Applying…" : "Apply the CSAT score and re-validate"}
                </Button>
                {apply.data ? (
                  <span role="status" className="text-muted-foreground">
                    {apply.data.applied
                      .map(
                        (a) =>
                          `Week ${a.weekNumber}: ${a.score} (${(a.status ? MILESTONE_STATUS_LABEL[a.status] : "Pending").toLowerCase()})`,
                      )
                      .join("; ")}
                  </span>
                ) : null}
                {apply.error ? (
                  <span role="alert" className="text-destructive">
                    {readError(apply.error)?.message}
                  </span>
                ) : null}
              </div>
            ) : null}
          </section>
        ) : null}
        {results.surveys.length === 0 ? (
          <EmptyState
            title="No survey sent yet"
            description="The first CSAT goes out when the customer signs off a week."
            headingAs="h3"
          />
        ) : (
          <div className="overflow-x-auto">
            <Table>
              <TableCaption className="sr-only">Surveys of this project, newest first</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>Survey</TableHead>
                  <TableHead>Recipient</TableHead>
                  <TableHead>Sent</TableHead>
                  <TableHead className="text-right">Score</TableHead>
                  <TableHead>Comment</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {results.surveys.map((s) => (
                  <TableRow key={s.id}>
                    <TableCell>
                      {s.kind}{" "}
                      <span className="text-muted-foreground">
                        {s.milestone ? `week ${s.milestone.weekNumber}` : (TRIGGER[s.trigger] ?? s.trigger)}
                      </span>
                    </TableCell>
                    <TableCell>{s.recipientName ?? "—"}</TableCell>
                    <TableCell className="text-xs">{s.sentAt ? formatDate(s.sentAt) : "—"}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {s.response ? (
                        s.response.score
                      ) : (
                        <Badge variant="outline">{s.state === "expired" ? "expired" : "open"}</Badge>
                      )}
                    </TableCell>
                    <TableCell className="max-w-xs text-xs">
                      <span className="line-clamp-2" title={s.response?.comment ?? undefined}>
                        {s.response?.comment ?? ""}
                      </span>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
