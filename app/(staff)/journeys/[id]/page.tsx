import type { Metadata } from "next";
import Link from "next/link";
import { JOURNEY_STATUS, RISK_TONE } from "@/components/journeys/labels";
import { JourneyTimeline } from "@/components/journeys/journey-timeline";
import { ProgressBar } from "@/components/portal/progress-bar";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { api } from "@/trpc/server";
import { formatDate } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { can } from "@/domain/access/permissions";
import { orNotFound } from "@/trpc/or-not-found";

export const metadata: Metadata = { title: "Journey" };

export default async function JourneyPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePermission("pipeline:read");
  const { id } = await params;
  const j = await orNotFound((await api()).journeys.status({ journeyId: id }));
  const status = JOURNEY_STATUS[j.status];
  const m = j.successMetrics;
  return (
    <>
      <PageHeader
        title={`${j.lead.company}: journey`}
        description={`Started ${formatDate(j.startedAt)}; current phase ${j.phaseLabels[j.currentPhase] ?? j.currentPhase}.`}
      />
      <div className="mb-6 flex flex-wrap items-center gap-3 text-sm">
        <Badge variant={status?.tone ?? "outline"}>{status?.label ?? j.status}</Badge>
        <Link className="underline" href={`/leads/${j.lead.id}`}>
          Lead
        </Link>
        {j.projectId && can(me.role, "delivery:read") ? (
          <Link className="underline" href={`/projects/${j.projectId}`}>
            Project: {j.projectName}
          </Link>
        ) : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Card>
          <CardHeader>
            <CardTitle as="h2">Phases</CardTitle>
            <CardDescription>
              In order; a stopped or failed phase resumes from the lead page once fixed.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <JourneyTimeline phases={j.phases} labels={j.phaseLabels} />
          </CardContent>
        </Card>
        <div className="grid content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle as="h2">Progress</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-2 text-sm">
              <ProgressBar value={j.overallProgress} label="Journey progress" />
              <p>
                <span className="text-lg font-semibold tabular-nums">{j.overallProgress}%</span>
              </p>
              <p className="text-muted-foreground">{j.progressReason}</p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle as="h2">Success metrics</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-2 text-sm">
              <p>
                Success score: <span className="font-semibold tabular-nums">{m.currentScore ?? "—"}</span>
                {m.threshold !== null ? ` (guarantee threshold ${m.threshold})` : ""}
              </p>
              <p className="flex items-center gap-2">
                Risk: <Badge variant={RISK_TONE[m.riskLevel] ?? "outline"}>{m.riskLevel}</Badge>
              </p>
              <ul className="list-disc pl-5 text-muted-foreground">
                {m.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              {j.nextMilestone ? (
                <p>
                  Next milestone: week {j.nextMilestone.weekNumber}, {j.nextMilestone.title}, due{" "}
                  {formatDate(j.nextMilestone.dueDate)}
                </p>
              ) : null}
              {j.estimatedCompletion ? <p>Estimated completion: {formatDate(j.estimatedCompletion)}</p> : null}
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
