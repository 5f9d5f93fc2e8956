"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Form,
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  FormRootError,
  setServerError,
} from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { inputFromNumber, numberFromInput } from "@/lib/form-values";
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
        <FormField
          control={form.control}
          name="reason"
          render={({ field }) => (
            <FormItem required>
              <FormLabel>What did the customer&apos;s side delay?</FormLabel>
              <FormControl>
                <Textarea {...field} maxLength={1000} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="evidence"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Evidence (optional)</FormLabel>
              <FormControl>
                <Textarea {...field} value={field.value ?? ""} maxLength={2000} />
              </FormControl>
              <FormDescription>A ticket, an email date, a meeting note.</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="days"
          render={({ field }) => (
            <FormItem required>
              <FormLabel>Days lost</FormLabel>
              <FormControl>
                <Input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={maxDays}
                  step={1}
                  name={field.name}
                  ref={field.ref}
                  onBlur={field.onBlur}
                  value={inputFromNumber(field.value)}
                  onChange={(e) => field.onChange(numberFromInput(e.target.value))}
                  className="w-32"
                />
              </FormControl>
              <FormDescription>
                Whole days, 1 to {maxDays}. Once the customer acknowledges, the clock pauses and the end moves.
              </FormDescription>
              <FormMessage />
            </FormItem>
          )}
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
