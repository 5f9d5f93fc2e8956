"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/trpc/client";
import { formatDate, plural } from "@/lib/format";
import { fieldErrorsOf } from "@/lib/form-errors";

/** The customer's approver acknowledges a delay (the clock pauses, the end moves) or disputes it with a reason. */
export function DelayDecision({
  delayId,
  days,
  wouldEndAt,
}: {
  delayId: string;
  days: number;
  wouldEndAt: Date | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [disputing, setDisputing] = useState(false);
  const [note, setNote] = useState("");
  const decide = useMutation(trpc.portal.decideDelay.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = fieldErrorsOf(decide.error);

  if (decide.data) {
    return (
      <Alert variant="success">
        <AlertDescription>
          {decide.data.status === "ACKNOWLEDGED"
            ? `Acknowledged.${decide.data.endsAt ? ` The guarantee now ends ${formatDate(decide.data.endsAt)}.` : ""}`
            : "Disputed. The delivery team has been told."}
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <div className="grid gap-3">
      {decide.error && Object.keys(errors).length === 0 ? (
        <Alert variant="destructive">
          <AlertDescription>{decide.error.message}</AlertDescription>
        </Alert>
      ) : null}
      {disputing ? (
        <form
          noValidate
          className="grid gap-3"
          aria-label="Dispute the delay"
          onSubmit={(e) => {
            e.preventDefault();
            decide.mutate({ delayId, decision: "DISPUTE", note });
          }}
        >
          <FormField id={`${id}-note`} label="Why do you dispute it?" error={errors.note} required>
            <Textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
          </FormField>
          <div className="flex gap-2">
            <Button type="submit" variant="destructive" disabled={decide.isPending}>
              Dispute the delay
            </Button>
            <Button type="button" variant="ghost" onClick={() => setDisputing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <Button disabled={decide.isPending} onClick={() => decide.mutate({ delayId, decision: "ACKNOWLEDGE" })}>
            Acknowledge {plural(days, "day")}
          </Button>
          <Button variant="outline" disabled={decide.isPending} onClick={() => setDisputing(true)}>
            Dispute
          </Button>
          {wouldEndAt ? (
            <span className="text-sm text-muted-foreground">
              Acknowledging moves the end to {formatDate(wouldEndAt)}.
            </span>
          ) : null}
        </div>
      )}
    </div>
  );
}
