import type { Metadata } from "next";
import Link from "next/link";
import { ClockPanel } from "@/components/guarantee/clock-panel";
import { DelayDecision } from "@/components/guarantee/delay-decision";
import { DelaysList } from "@/components/guarantee/delays-list";
import { GUARANTEE_STATUS, REMEDY } from "@/components/guarantee/labels";
import { RefundsList } from "@/components/guarantee/refunds-list";
import { RemedyForm } from "@/components/guarantee/remedy-form";
import { ValidationTable } from "@/components/guarantee/validation-table";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TRPCReactProvider } from "@/trpc/client";
import { api } from "@/trpc/server";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { orNotFound } from "@/trpc/or-not-found";

export const metadata: Metadata = { title: "Success guarantee" };

/**
 * The customer's view of their project's 30-day success guarantee (docs/domain.md#guarantee): the clock, delays to
 * acknowledge or dispute, the final validation, the remedy choice on failure, the success dossier.
 */
export default async function PortalGuaranteePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("portal:read");
  const { id } = await params;
  // another account's project, an unknown id and a malformed id all read "not found"
  const g = await orNotFound((await api()).portal.guarantee({ projectId: id }));
  const running = g.status === "ACTIVE" || g.status === "PAUSED";
  const status = GUARANTEE_STATUS[g.status] ?? { label: g.status, tone: "outline" as const };
  const pending = new Map(g.clock.pending.map((p) => [p.id, p.wouldEndAt]));

  // its forms call tRPC from the browser: the provider lives here, not in the portal layout (bench/README.md, P3)
  return (
    <TRPCReactProvider>
      <Link href={`/portal/projects/${g.project.id}`} className="text-sm text-primary underline">
        Back to the project
      </Link>
      <div className="mt-2 mb-6 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Success guarantee: {g.project.name}</h1>
          <p className="text-muted-foreground">
            {formatMoney(g.amountCents, g.currency)} guarantee · success threshold {g.successThreshold} of 100
          </p>
        </div>
        <Badge variant={status.tone}>{status.label}</Badge>
      </div>
      <div className="grid gap-6">
        {g.status === "SUCCEEDED" && g.outcome ? (
          <Alert variant="success">
            <AlertTitle>Guarantee met with {g.outcome.successScore} of 100</AlertTitle>
            <AlertDescription>
              <p>Your success dossier documents the results, the evidence and what you told us.</p>
              <div className="mt-2 flex flex-wrap gap-2">
                <Button asChild size="sm" variant="outline">
                  <a href={`/api/dossier/${g.project.id}`} target="_blank" rel="noopener">
                    View the success dossier
                  </a>
                </Button>
                <Button asChild size="sm">
                  <a href={`/api/dossier/${g.project.id}?download=1`} download>
                    Download the success dossier
                  </a>
                </Button>
              </div>
            </AlertDescription>
          </Alert>
        ) : null}

        {g.outcome && !g.outcome.overallSuccess ? (
          <Card>
            <CardHeader>
              <CardTitle as="h2">Your remedy</CardTitle>
              <CardDescription>
                The success criteria were not met ({g.outcome.successScore} against {g.outcome.threshold}). As promised,
                you choose what happens next.
              </CardDescription>
            </CardHeader>
            <CardContent className="grid gap-3">
              {g.remedyOpen && user.isApprover ? (
                <RemedyForm projectId={g.project.id} refundCents={g.refundRoomCents} currency={g.currency} />
              ) : null}
              {g.remedyOpen && !user.isApprover ? (
                <p className="text-sm">An approver of your organisation will choose the remedy.</p>
              ) : null}
              {g.remedy ? (
                <p className="text-sm">
                  You chose: <span className="font-medium">{REMEDY[g.remedy]?.label ?? g.remedy}</span>.
                </p>
              ) : null}
              <RefundsList refunds={g.refunds} currency={g.currency} />
            </CardContent>
          </Card>
        ) : null}

        <Card>
          <CardHeader>
            <CardTitle as="h2">Guarantee clock</CardTitle>
            <CardDescription>
              If something on your side holds the work up, the team records it as a delay. When you acknowledge it, the
              clock pauses and the end date moves; a disputed delay changes nothing.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <ClockPanel clock={g.clock} />
            <DelaysList
              delays={g.delays}
              action={(d) =>
                d.status !== "PROPOSED" ? null : !running ? (
                  <p className="text-xs text-muted-foreground">Not decided before the guarantee was decided.</p>
                ) : user.isApprover ? (
                  <DelayDecision delayId={d.id} days={d.days} wouldEndAt={pending.get(d.id) ?? null} />
                ) : (
                  <p className="text-xs text-muted-foreground">Waiting for an approver of your organisation.</p>
                )
              }
            />
          </CardContent>
        </Card>

        {g.outcome ? (
          <Card>
            <CardHeader>
              <CardTitle as="h2">Final validation</CardTitle>
              <CardDescription>
                Measured on {formatDate(g.outcome.evaluatedAt)}: {g.outcome.explanation}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <ValidationTable
                criteria={g.outcome.criteria}
                successScore={g.outcome.successScore}
                threshold={g.outcome.threshold}
                caption="Each criterion's target, the measured value and its share of the score."
              />
            </CardContent>
          </Card>
        ) : g.preview ? (
          <Card>
            <CardHeader>
              <CardTitle as="h2">How it stands today</CardTitle>
              <CardDescription>
                The success criteria, weighted: MVP delivered (40%), test coverage of at least 95% (30%) and
                satisfaction of at least 8.5 out of 10 (30%), measured on today&apos;s data. The guarantee is decided on{" "}
                {formatDate(g.endsAt)}.
                {g.preview.assumptions.length > 0 ? ` This projection assumes: ${g.preview.assumptions.join(" ")}` : ""}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <ValidationTable
                criteria={g.preview.criteria}
                successScore={g.preview.successScore}
                threshold={g.preview.threshold}
                caption="If the guarantee were decided today."
              />
            </CardContent>
          </Card>
        ) : null}
      </div>
    </TRPCReactProvider>
  );
}
