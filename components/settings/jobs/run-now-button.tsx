"use client";

import { useMutation } from "@tanstack/react-query";
import { Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import type { JobName } from "@/lib/schemas/jobs";
import { readError } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/client";
import { plural } from "@/lib/format";

function summary(result: { status: string; reason: string | null; counts: Record<string, number>; errors: number }) {
  const counts = Object.entries(result.counts)
    .map(([k, n]) => `${n} ${k}`)
    .join(", ");
  if (result.status === "skipped") return `Nothing to do: ${result.reason ?? "already ran"}.`;
  if (result.status === "failed")
    return `The run failed${result.errors ? ` (${result.errors} errors)` : ""}; see the run list.`;
  const head = result.status === "paused" ? "Stopped at its time budget; the next run resumes." : "Done.";
  return `${head} ${counts || "Nothing was due."}${result.errors ? ` ${plural(result.errors, "item")} failed.` : ""}`;
}

/** Runs one job now for this tenant; the answer is announced and the run list refreshes. */
export function RunNowButton({ job, title }: { job: JobName; title: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const run = useMutation(trpc.jobs.runNow.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="flex flex-col items-end gap-1">
      <Button size="sm" variant="outline" disabled={run.isPending} onClick={() => run.mutate({ job })}>
        {/* the visible words start the accessible name (label-content-name-mismatch); the job's name follows for screen readers */}
        <Play aria-hidden /> {run.isPending ? "Running…" : "Run now"}
        <span className="sr-only">: {title}</span>
      </Button>
      <p role="status" className="max-w-64 text-right text-xs text-muted-foreground">
        {run.data ? summary(run.data) : null}
        {run.error ? <span className="text-destructive">{readError(run.error)?.message}</span> : null}
      </p>
    </div>
  );
}
