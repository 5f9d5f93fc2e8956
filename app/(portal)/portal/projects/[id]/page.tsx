import type { Metadata } from "next";
import Link from "next/link";
import { PROJECT_STATUS_LABEL } from "@/lib/labels/project-status";
import { SERVICE_TYPE_LABELS } from "@/domain/qualification/labels";
import { PROJECT_STATUS_TONE } from "@/components/shell/status-tone";
import { OutlookCard } from "@/components/portal/outlook-card";
import { PortalMilestoneCard } from "@/components/portal/portal-milestone-card";
import { ProgressBar } from "@/components/portal/progress-bar";
import { SurveyForm } from "@/components/portal/survey-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { api } from "@/trpc/server";
import { formatDate, plural } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { orNotFound } from "@/trpc/or-not-found";

export const metadata: Metadata = { title: "Project" };

async function loadProject(projectId: string) {
  const caller = await api();
  // another account's project, an unknown id and a malformed id all read "not found"
  return orNotFound(Promise.all([caller.portal.project({ projectId }), caller.portal.surveys({ projectId })]));
}

export default async function PortalProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("portal:read");
  const { id } = await params;
  const [project, surveys] = await loadProject(id);
  const { progress, outlook } = project;
  const openSurveys = surveys.filter((s) => s.state === "open");
  const awaiting = new Set(user.isApprover ? outlook.awaitingSignOff : []);
  return (
    <>
      <Link href="/portal" className="text-sm text-primary underline">
        All projects
      </Link>
      <div className="mt-2 mb-6 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{project.name}</h1>
          <p className="text-muted-foreground">
            {SERVICE_TYPE_LABELS[project.serviceType]} · {formatDate(project.startDate)} –{" "}
            {formatDate(project.targetEndDate)}
          </p>
        </div>
        <Badge variant={PROJECT_STATUS_TONE[project.status]}>{PROJECT_STATUS_LABEL[project.status]}</Badge>
      </div>
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle as="h2">Progress</CardTitle>
            <CardDescription>{progress.explanation}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3">
            <ProgressBar value={progress.progressPercent} label="Overall progress" />
            <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
              <div>
                <dt className="text-muted-foreground">Current week</dt>
                <dd className="font-medium">{progress.currentWeek ?? "All met"}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Weeks met</dt>
                <dd className="font-medium">
                  {progress.metWeeks} of {progress.totalWeeks}
                </dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Guarantee</dt>
                <dd className="font-medium">
                  <Link href={`/portal/projects/${project.id}/guarantee`} className="text-primary underline">
                    {progress.guaranteeStartsAt
                      ? `Starts ${formatDate(progress.guaranteeStartsAt)}`
                      : progress.guaranteeDaysLeft === null
                        ? "Details"
                        : `${plural(progress.guaranteeDaysLeft, "day")} left`}
                  </Link>
                </dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Awaiting your sign-off</dt>
                <dd className="font-medium">{awaiting.size}</dd>
              </div>
            </dl>
            <p className="text-sm text-muted-foreground">
              New to how the weeks and the guarantee work?{" "}
              <Link href="/portal/learn" className="text-primary underline">
                Read Getting started
              </Link>
              .
            </p>
          </CardContent>
        </Card>
        <OutlookCard projectId={project.id} outlook={outlook} />
        {openSurveys.length > 0 ? (
          <section aria-labelledby="surveys-heading" className="grid gap-4">
            <h2 id="surveys-heading" className="text-lg font-semibold">
              Tell us how it is going
            </h2>
            {openSurveys.map((s) => (
              <Card key={s.id}>
                <CardContent>
                  <SurveyForm question={s.question} kind={s.kind} target={{ surveyId: s.id }} />
                </CardContent>
              </Card>
            ))}
          </section>
        ) : null}
        <section aria-labelledby="weeks-heading" className="grid gap-4">
          <h2 id="weeks-heading" className="text-lg font-semibold">
            Weekly milestones
          </h2>
          <ol className="grid gap-4">
            {project.milestones.map((m) => (
              <li key={m.id}>
                <PortalMilestoneCard
                  projectId={project.id}
                  milestone={m}
                  awaiting={awaiting}
                  canApprove={user.isApprover}
                />
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
