"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { ProgressBar } from "@/components/portal/progress-bar";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/components/leads/detail/types";
import { JOURNEY_STATUS } from "./labels";
import { readError } from "@/lib/form-errors";

type Journey = RouterOutputs["journeys"]["forLead"];

/** The lead's journey at a glance, and (CSM) start or resume it: phases already done are not run again. */
export function JourneyCard({ leadId, journey, canStart }: { leadId: string; journey: Journey; canStart: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const start = useMutation(trpc.journeys.start.mutationOptions({ onSuccess: () => router.refresh() }));
  const shown = start.data ?? journey;
  const status = shown ? JOURNEY_STATUS[shown.status] : null;
  const resumable = !shown || shown.status === "STOPPED" || shown.status === "FAILED" || shown.status === "IN_PROGRESS";
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Customer journey</CardTitle>
        <CardDescription>
          Qualification → feasibility → tier → education → kickoff → monitoring, with the data already on this lead. A
          phase that stops says why.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        {shown ? (
          <>
            <div className="flex flex-wrap items-center gap-2">
              <Badge variant={status?.tone ?? "outline"}>{status?.label ?? shown.status}</Badge>
              <span>Current phase: {shown.phaseLabels[shown.currentPhase] ?? shown.currentPhase}</span>
              <Link className="underline" href={`/journeys/${shown.journeyId}`}>
                Open the journey
              </Link>
            </div>
            <ProgressBar value={shown.overallProgress} label="Journey progress" />
            <p className="text-muted-foreground">
              {shown.overallProgress}% — {shown.progressReason}
            </p>
            {shown.phases
              .filter((p) => p.status === "stopped" || p.status === "failed")
              .map((p) => (
                <Alert key={p.phase} variant={p.status === "failed" ? "destructive" : "default"}>
                  <AlertDescription>
                    <strong>
                      {shown.phaseLabels[p.phase]} {p.status}:
                    </strong>{" "}
                    {p.error ?? p.detail}
                    {p.reasons.length > 0 ? (
                      <ul className="mt-1 list-disc pl-5">
                        {p.reasons.map((r) => (
                          <li key={r}>{r}</li>
                        ))}
                      </ul>
                    ) : null}
                  </AlertDescription>
                </Alert>
              ))}
          </>
        ) : (
          <p className="text-muted-foreground">No journey started yet.</p>
        )}
        {start.error ? (
          <Alert variant="destructive">
            <AlertDescription>{readError(start.error)?.message}</AlertDescription>
          </Alert>
        ) : null}
        {canStart && resumable ? (
          <div>
            <Button onClick={() => start.mutate({ leadId })} disabled={start.isPending}>
              {start.isPending ? "Running…" : shown ? "Resume the journey" : "Start the journey"}
            </Button>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
