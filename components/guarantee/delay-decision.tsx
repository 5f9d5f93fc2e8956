"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Form,
  FormControl,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  FormRootError,
  setServerError,
} from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/trpc/client";
import { formatDate, plural } from "@/lib/format";
import { ZDecideDelaySchema } from "@/lib/schemas/guarantees";

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
  const [disputing, setDisputing] = useState(false);
  // the dispute's form; acknowledging is one button, its refusal shown as the form's root error too
  const form = useForm({
    resolver: zodResolver(ZDecideDelaySchema),
    defaultValues: { delayId, decision: "DISPUTE", note: "" } as z.input<typeof ZDecideDelaySchema>,
  });
  const decide = useMutation(
    trpc.portal.decideDelay.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => setServerError(form, error),
    }),
  );
  const dispute = form.handleSubmit((input) => decide.mutate({ ...input, note: input.note ?? undefined }));

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
    <Form {...form}>
      <div className="grid gap-3">
        <FormRootError />
        {disputing ? (
          <form noValidate className="grid gap-3" aria-label="Dispute the delay" onSubmit={(e) => void dispute(e)}>
            <FormField
              control={form.control}
              name="note"
              render={({ field }) => (
                <FormItem required>
                  <FormLabel>Why do you dispute it?</FormLabel>
                  <FormControl>
                    <Textarea {...field} value={field.value ?? ""} maxLength={1000} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
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
    </Form>
  );
}
