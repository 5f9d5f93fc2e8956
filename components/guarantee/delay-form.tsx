"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { NumberField, TextField } from "@/components/ui/form-controls";
import type { z } from "zod";
import { ZRecordDelaySchema } from "@/lib/schemas/guarantees";
import { useTRPC } from "@/trpc/client";

/** A technical lead records a customer-caused delay; the customer then acknowledges or disputes it. */
export function DelayForm({ projectId, maxDays }: { projectId: string; maxDays: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  // days starts empty: the schema, not a made-up number, says it is missing
  const empty = { projectId, reason: "", evidence: "", days: undefined } as unknown as z.input<
    typeof ZRecordDelaySchema
  >;
  const form = useForm({ resolver: zodResolver(ZRecordDelaySchema), defaultValues: empty });
  const record = useMutation(
    trpc.guarantees.recordDelay.mutationOptions({
      onSuccess: () => {
        form.reset(empty);
        router.refresh();
      },
      onError: (error) => setServerError(form, error),
    }),
  );
  const submit = form.handleSubmit((input) => record.mutate({ ...input, evidence: input.evidence ?? undefined }));

  return (
    <Form {...form}>
      <form
        onSubmit={(e) => void submit(e)}
        noValidate
        className="grid gap-3"
        aria-label="Record a customer-caused delay"
      >
        <TextField
          control={form.control}
          name="reason"
          label="What did the customer's side delay?"
          required
          rows={2}
          maxLength={1000}
        />
        <TextField
          control={form.control}
          name="evidence"
          label="Evidence (optional)"
          description="A ticket, an email date, a meeting note."
          rows={2}
          maxLength={2000}
        />
        <NumberField
          control={form.control}
          name="days"
          label="Days lost"
          description={`Whole days, 1 to ${maxDays}. Once the customer acknowledges, the clock pauses and the end moves.`}
          required
          inputMode="numeric"
          min={1}
          max={maxDays}
          step={1}
          inputClassName="w-32"
        />
        <FormRootError />
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
    </Form>
  );
}
