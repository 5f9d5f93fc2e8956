import type { Metadata } from "next";
import Link from "next/link";
import { PROJECT_STATUS_LABEL } from "@/lib/labels/project-status";
import { SERVICE_TYPE_LABELS } from "@/domain/qualification/labels";
import { MILESTONE_STATUS_TONE, PROJECT_STATUS_TONE } from "@/components/shell/status-tone";
import { ProgressBar } from "@/components/portal/progress-bar";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { api } from "@/trpc/server";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Your projects" };

export default async function PortalHome() {
  const user = await requirePermission("portal:read");
  const projects = await (await api()).portal.projects();
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Welcome, {user.name.split(" ")[0]}</h1>
      <p className="mb-6 text-muted-foreground">Your projects with {user.tenantName}, week by week.</p>
      {projects.length === 0 ? (
        <EmptyState title="No projects yet" description="Your project appears here as soon as it is kicked off." />
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {projects.map((p) => (
            <Link
              key={p.id}
              href={`/portal/projects/${p.id}`}
              className="rounded-xl focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              <Card className="h-full transition-colors hover:border-primary/50">
                <CardHeader>
                  <div className="flex items-start justify-between gap-2">
                    <CardTitle as="h2">{p.name}</CardTitle>
                    <Badge variant={PROJECT_STATUS_TONE[p.status]}>{PROJECT_STATUS_LABEL[p.status]}</Badge>
                  </div>
                  <CardDescription>{SERVICE_TYPE_LABELS[p.serviceType]}</CardDescription>
                </CardHeader>
                <CardContent className="grid gap-2 text-sm">
                  <ProgressBar value={p.progress.progressPercent} label={`${p.name} progress`} />
                  <p>{p.progress.explanation}</p>
                  {p.progress.currentWeek ? (
                    <p className="text-muted-foreground">Current: week {p.progress.currentWeek}</p>
                  ) : (
                    <Badge variant={MILESTONE_STATUS_TONE.SUCCESS}>All weeks met</Badge>
                  )}
                </CardContent>
              </Card>
            </Link>
          ))}
        </div>
      )}
    </>
  );
}
