import type { Metadata } from "next";
import { RUN_STATE } from "@/components/settings/jobs/labels";
import { scheduleLabel } from "@/lib/labels/schedule";
import { RunNowButton } from "@/components/settings/jobs/run-now-button";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { api } from "@/trpc/server";
import { formatDateTime, plural } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Jobs" };

function Counts({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts);
  if (entries.length === 0) return <span className="text-muted-foreground">—</span>;
  return <>{entries.map(([k, n]) => `${n} ${k}`).join(", ")}</>;
}

/** Scheduled jobs: what each does, when it runs, its recent runs for this tenant, and "run now". */
export default async function JobsPage() {
  await requirePermission("jobs:manage");
  const { jobs, runs } = await (await api()).jobs.list({ take: 40 });
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Scheduled work: digests, milestone checks, surveys, education and message delivery. Each job runs once per period; running it again for the same period sends nothing twice."
      />
      <Card className="mb-6">
        <CardHeader>
          <CardTitle as="h2">Jobs</CardTitle>
        </CardHeader>
        <CardContent>
          <Table>
            <TableCaption className="sr-only">Scheduled jobs</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Job</TableHead>
                <TableHead>Schedule</TableHead>
                <TableHead>Last run</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {jobs.map((job) => (
                <TableRow key={job.name}>
                  <TableCell className="max-w-md whitespace-normal">
                    <p className="font-medium">{job.title}</p>
                    <p className="text-xs text-muted-foreground">{job.description}</p>
                  </TableCell>
                  <TableCell>{scheduleLabel(job.schedule)}</TableCell>
                  <TableCell>
                    {job.lastRun ? (
                      <span className="flex flex-col gap-1">
                        <Badge variant={RUN_STATE[job.lastRun.state]?.variant ?? "secondary"}>
                          {RUN_STATE[job.lastRun.state]?.label ?? job.lastRun.state}
                        </Badge>
                        <span className="text-xs text-muted-foreground">{formatDateTime(job.lastRun.startedAt)}</span>
                      </span>
                    ) : (
                      <span className="text-muted-foreground">never</span>
                    )}
                  </TableCell>
                  <TableCell className="text-right">
                    <RunNowButton job={job.name} title={job.title} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">Recent runs</CardTitle>
        </CardHeader>
        <CardContent>
          {runs.length === 0 ? (
            <EmptyState
              title="No runs yet"
              description="Runs appear here once the scheduler calls a job, or after “Run now”."
            />
          ) : (
            <Table>
              <TableCaption className="sr-only">Recent job runs with what they did for this tenant</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>Job</TableHead>
                  <TableHead>Period</TableHead>
                  <TableHead>Started</TableHead>
                  <TableHead>Finished</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead>For this tenant</TableHead>
                  <TableHead>Errors</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {runs.map((run) => (
                  <TableRow key={run.id}>
                    <TableCell className="font-medium">
                      {jobs.find((j) => j.name === run.job)?.title ?? run.job}
                    </TableCell>
                    <TableCell>
                      <span className="font-mono text-xs">{run.periodKey}</span>
                      <span className="block text-xs text-muted-foreground">{run.trigger}</span>
                    </TableCell>
                    <TableCell>{formatDateTime(run.startedAt)}</TableCell>
                    <TableCell>{run.finishedAt ? formatDateTime(run.finishedAt) : "—"}</TableCell>
                    <TableCell>
                      <Badge variant={RUN_STATE[run.state]?.variant ?? "secondary"}>
                        {RUN_STATE[run.state]?.label ?? run.state}
                      </Badge>
                    </TableCell>
                    <TableCell className="max-w-xs whitespace-normal text-sm">
                      <Counts counts={run.counts} />
                    </TableCell>
                    <TableCell className="max-w-xs whitespace-normal text-xs">
                      {run.errors.length === 0 ? (
                        "—"
                      ) : (
                        <details>
                          <summary className="cursor-pointer text-destructive">
                            {plural(run.errors.length, "error")}
                          </summary>
                          <ul className="mt-1 list-disc pl-4">
                            {run.errors.map((e, i) => (
                              <li key={i}>
                                <span className="font-mono">{e.ref}</span>: {e.message}
                              </li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </>
  );
}
