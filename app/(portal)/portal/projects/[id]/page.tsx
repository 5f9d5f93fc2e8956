import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { MILESTONE_STATUS, PROJECT_STATUS, SERVICE_TYPE } from "@/components/shell/labels";
import { ProgressBar } from "@/components/portal/progress-bar";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { api } from "@/lib/trpc/server";
import { formatDate } from "@/lib/utils";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Project" };

async function loadProject(projectId: string) {
  try {
    return await (await api()).portal.project({ projectId });
  } catch (error) {
    // another account's project, an unknown id and a malformed id all read "not found"
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}

export default async function PortalProjectPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("portal:read");
  const { id } = await params;
  const project = await loadProject(id);
  const { progress } = project;
  return (
    <>
      <Link href="/portal" className="text-sm text-primary underline">All projects</Link>
      <div className="mt-2 mb-6 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{project.name}</h1>
          <p className="text-muted-foreground">{SERVICE_TYPE[project.serviceType] ?? project.serviceType} · {formatDate(project.startDate)} – {formatDate(project.targetEndDate)}</p>
        </div>
        <Badge variant={PROJECT_STATUS[project.status]?.tone ?? "outline"}>{PROJECT_STATUS[project.status]?.label ?? project.status}</Badge>
      </div>
      <Card className="mb-6">
        <CardHeader>
          <CardTitle as="h2">Progress</CardTitle>
          <CardDescription>{progress.explanation}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          <ProgressBar value={progress.progressPercent} label="Overall progress" />
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
            <div><dt className="text-muted-foreground">Current week</dt><dd className="font-medium">{progress.currentWeek ?? "All met"}</dd></div>
            <div><dt className="text-muted-foreground">Weeks met</dt><dd className="font-medium">{progress.metWeeks} of {progress.totalWeeks}</dd></div>
            <div><dt className="text-muted-foreground">Guarantee</dt><dd className="font-medium">{progress.guaranteeDaysLeft === null ? "—" : `${progress.guaranteeDaysLeft} day(s) left`}</dd></div>
          </dl>
        </CardContent>
      </Card>
      <h2 className="mb-3 text-lg font-semibold">Weekly milestones</h2>
      <ol className="grid gap-4">
        {project.milestones.map((m) => (
          <li key={m.id}>
            <Card>
              <CardHeader>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <CardTitle as="h3">Week {m.weekNumber}: {m.title}</CardTitle>
                  <Badge variant={MILESTONE_STATUS[m.status]?.tone ?? "outline"}>{MILESTONE_STATUS[m.status]?.label ?? m.status}</Badge>
                </div>
                <CardDescription>
                  Due {formatDate(m.dueDate)} · needs {m.minimumSuccessThreshold}% to pass{m.score === null ? "" : ` · scored ${m.score.toFixed(1)}%`}
                </CardDescription>
              </CardHeader>
              <CardContent>
                <ul className="grid gap-2 text-sm">
                  {m.criteria.map((c) => (
                    <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-2">
                      <span>
                        <span className="font-medium">{c.name}</span>{" "}
                        <span className="text-muted-foreground">— {c.deliverable} ({Math.round(c.weight * 100)}%)</span>
                        {c.requiresSignOff ? <Badge variant="outline" className="ml-2">your sign-off</Badge> : null}
                      </span>
                      <span className="tabular-nums text-muted-foreground">{c.score === null ? "not scored yet" : `${c.score.toFixed(0)}/100`}</span>
                    </li>
                  ))}
                </ul>
              </CardContent>
            </Card>
          </li>
        ))}
      </ol>
    </>
  );
}
