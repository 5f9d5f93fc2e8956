"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/trpc/client";
import { fieldErrorsOf } from "@/lib/form-errors";

/** A technical lead records a customer-caused delay; the customer then acknowledges or disputes it. */
export function DelayForm({ projectId, maxDays }: { projectId: string; maxDays: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [reason, setReason] = useState("");
  const [evidence, setEvidence] = useState("");
  const [days, setDays] = useState("");
  const record = useMutation(
    trpc.guarantees.recordDelay.mutationOptions({
      onSuccess: () => {
        setReason("");
        setEvidence("");
        setDays("");
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(record.error);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    record.mutate({
      projectId,
      reason,
      evidence: evidence || undefined,
      days: days.trim() === "" ? Number.NaN : Number(days),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-3" aria-label="Record a customer-caused delay">
      <FormField id={`${id}-reason`} label="What did the customer's side delay?" error={errors.reason} required>
        <Textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
      </FormField>
      <FormField
        id={`${id}-evidence`}
        label="Evidence (optional)"
        description="A ticket, an email date, a meeting note."
        error={errors.evidence}
      >
        <Textarea value={evidence} onChange={(e) => setEvidence(e.target.value)} maxLength={2000} />
      </FormField>
      <FormField
        id={`${id}-days`}
        label="Days lost"
        description={`Whole days, 1 to ${maxDays}. Once the customer acknowledges, the clock pauses and the end moves.`}
        error={errors.days}
        required
      >
        <Input
          type="number"
          inputMode="numeric"
          min={1}
          max={maxDays}
          step={1}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          className="w-32"
        />
      </FormField>
      {record.error && Object.keys(errors).length === 0 ? (
        <Alert variant="destructive">
          <AlertDescription>{record.error.message}</AlertDescription>
        </Alert>
      ) : null}
      {record.isSuccess ? (
        <Alert variant="success">
          <AlertDescription>
            Delay recorded. The customer&apos;s approvers were asked to acknowledge or dispute it.
          </AlertDescription>
        </Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={record.isPending}>
          {record.isPending ? "Recording…" : "Record delay"}
        </Button>
      </div>
    </form>
  );
}
