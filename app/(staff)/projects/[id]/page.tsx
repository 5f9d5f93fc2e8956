import type { Metadata } from "next";
import Link from "next/link";
import { ProjectMeetingsCard } from "@/components/calendar/project-meetings-card";
import { EducationCard } from "@/components/education/education-card";
import { GuaranteeSummaryCard } from "@/components/guarantee/guarantee-summary-card";
import { ActionItems } from "@/components/projects/action-items";
import { ApiTokensCard } from "@/components/projects/api-tokens-card";
import { MilestoneCard } from "@/components/projects/milestone-card";
import { QualityCard } from "@/components/projects/quality-card";
import { SignoffsCard } from "@/components/projects/signoffs-card";
import { SurveysCard } from "@/components/projects/surveys-card";
import { TeamCard } from "@/components/projects/team-card";
import { PageHeader } from "@/components/shell/page-header";
import { PROJECT_STATUS_LABEL } from "@/lib/labels/project-status";
import { SERVICE_TYPE_LABELS } from "@/domain/qualification/labels";
import { PROJECT_STATUS_TONE } from "@/components/shell/status-tone";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { api } from "@/trpc/server";
import { formatMoney } from "@/lib/money";
import { formatDate, formatDateTime } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { can } from "@/domain/access/permissions";
import { kickoffPhaseLabel } from "@/lib/labels/kickoff-phase";
import { stepStatusLabel } from "@/lib/labels/step-status";
import { GUARANTEE_STATUS } from "@/components/guarantee/labels";
import { orNotFound } from "@/trpc/or-not-found";

export const metadata: Metadata = { title: "Project" };

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePermission("delivery:read");
  const { id } = await params;
  // another tenant's project, an unknown id and a malformed id all read "not found"
  const trpc = await api();
  const project = await orNotFound(trpc.projects.get({ projectId: id }));
  const meetings = await trpc.calendar.projectMeetings({ projectId: project.id });
  const canValidate = can(me.role, "delivery:write");
  const canReadPipeline = can(me.role, "pipeline:read");
  const target = { customerAccountId: project.customerAccount.id };
  const [signoffs, surveys, quality, tokens, evidence, plans] = await Promise.all([
    trpc.signoffs.forProject({ projectId: project.id }),
    trpc.surveys.forProject({ projectId: project.id }),
    trpc.quality.history({ projectId: project.id }),
    trpc.apiTokens.list({ projectId: project.id }),
    trpc.evidence.list({ projectId: project.id, take: 5 }),
    canReadPipeline ? trpc.education.plans(target) : null,
  ]);
  const phases = project.kickoff;
  const now = new Date().toISOString();

  return (
    <>
      <PageHeader
        title={project.name}
        description={`${project.customerAccount.name} · ${SERVICE_TYPE_LABELS[project.serviceType]} · ${project.tierName} · ${formatMoney(project.contractValueCents)}`}
      />
      <div className="mb-6 flex flex-wrap items-center gap-3 text-sm">
        <Badge variant={PROJECT_STATUS_TONE[project.status]}>{PROJECT_STATUS_LABEL[project.status]}</Badge>
        <span>
          Started {formatDate(project.startDate)}, target {formatDate(project.targetEndDate)}
        </span>
        <span>Technical lead: {project.techLead?.name ?? "unassigned"}</span>
        <span>CSM: {project.customerAccount.csm?.name ?? "unassigned"}</span>
        {project.guarantee ? (
          <span>
            Guarantee {formatMoney(project.guarantee.amountCents)} at ≥ {project.guarantee.successThreshold}%, until{" "}
            {formatDate(project.guarantee.endsAt)} (
            {(GUARANTEE_STATUS[project.guarantee.status]?.label ?? "running").toLowerCase()})
          </span>
        ) : null}
        {project.leadId && can(me.role, "pipeline:read") ? (
          <Link className="underline" href={`/leads/${project.leadId}`}>
            Lead
          </Link>
        ) : null}
      </div>
      <div className="grid gap-6">
        <GuaranteeSummaryCard projectId={project.id} />
        <section aria-labelledby="weeks-heading" className="grid gap-4">
          <h2 id="weeks-heading" className="text-lg font-semibold">
            Weekly milestones
          </h2>
          <ol className="grid gap-4">
            {project.milestones.map((m) => (
              <li key={m.id}>
                <MilestoneCard
                  milestone={m}
                  canValidate={canValidate}
                  evidence={project.latestEvidence}
                  gates={project.qualityGates}
                />
              </li>
            ))}
          </ol>
        </section>
        <div className="grid gap-6 xl:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle as="h2">Action items</CardTitle>
              <CardDescription>Open recovery, escalation and follow-up actions, oldest deadline first.</CardDescription>
            </CardHeader>
            <CardContent>
              <ActionItems items={project.actionItems} canWrite={can(me.role, "actions:write")} now={now} />
            </CardContent>
          </Card>
          <TeamCard team={project.team} environments={project.environments} canWrite={canValidate} />
        </div>
        <ProjectMeetingsCard initial={meetings} canWrite={can(me.role, "meetings:write")} />
        <div className="grid gap-6 xl:grid-cols-2">
          <SignoffsCard projectId={project.id} signoffs={signoffs} />
          <SurveysCard projectId={project.id} results={surveys} canApply={canValidate} />
        </div>
        <QualityCard projectId={project.id} canWrite={canValidate} history={quality} />
        <div className="grid gap-6 xl:grid-cols-2">
          <ApiTokensCard projectId={project.id} canWrite={canValidate} tokens={tokens} evidence={evidence} />
          {phases.length > 0 ? (
            <Card>
              <CardHeader>
                <CardTitle as="h2">Kickoff</CardTitle>
                <CardDescription>The six kickoff steps, as they ran.</CardDescription>
              </CardHeader>
              <CardContent>
                <ol className="grid gap-2 text-sm">
                  {phases.map((p) => (
                    <li key={p.phase} className="grid gap-0.5">
                      <span className="flex items-center gap-2 font-medium">
                        {kickoffPhaseLabel(p.phase)}
                        <Badge
                          variant={
                            p.status === "completed" ? "success" : p.status === "failed" ? "destructive" : "outline"
                          }
                        >
                          {stepStatusLabel(p.status)}
                        </Badge>
                      </span>
                      {p.detail ? <span className="text-muted-foreground">{p.detail}</span> : null}
                      {p.finishedAt ? (
                        <span className="text-xs text-muted-foreground">{formatDateTime(p.finishedAt)}</span>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </CardContent>
            </Card>
          ) : null}
        </div>
        {plans ? (
          <EducationCard
            target={target}
            defaultServiceType={project.serviceType}
            canWrite={can(me.role, "leads:write")}
            plans={plans}
          />
        ) : null}
      </div>
    </>
  );
}
