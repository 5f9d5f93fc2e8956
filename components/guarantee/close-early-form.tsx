"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
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
import { Textarea } from "@/components/ui/textarea";
import { ZCloseEarlySchema } from "@/lib/schemas/guarantees";
import { useTRPC } from "@/trpc/client";

/** An executive ends a running guarantee now (delivered early, contract ended): the final validation runs on today's data. */
export function CloseEarlyForm({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const form = useForm({
    resolver: zodResolver(ZCloseEarlySchema),
    defaultValues: { projectId, reason: "" },
  });
  const close = useMutation(
    trpc.guarantees.closeEarly.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => setServerError(form, error),
    }),
  );
  // the first press asks for confirmation; the second, on the same reason, runs the final validation
  const submit = form.handleSubmit((input) => {
    if (!confirming) setConfirming(true);
    else close.mutate(input);
  });

  if (close.data) {
    return (
      <Alert variant="success">
        <AlertDescription>
          Final validation recorded: {close.data.status === "SUCCEEDED" ? "met" : "not met"} ({close.data.successScore}
          ).
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <Form {...form}>
      <form noValidate className="grid gap-3" aria-label="Close the guarantee early" onSubmit={(e) => void submit(e)}>
        <FormField
          control={form.control}
          name="reason"
          render={({ field }) => (
            <FormItem required>
              <FormLabel>Why does the guarantee end now?</FormLabel>
              <FormControl>
                <Textarea
                  {...field}
                  onChange={(e) => {
                    field.onChange(e.target.value);
                    setConfirming(false);
                  }}
                  maxLength={1000}
                />
              </FormControl>
              <FormDescription>
                The final validation runs on today&apos;s data; the customer is told the outcome. This cannot be undone.
              </FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormRootError />
        <div className="flex gap-2">
          <Button type="submit" variant={confirming ? "destructive" : "outline"} disabled={close.isPending}>
            {confirming ? "Confirm: run the final validation now" : "Close the guarantee early"}
          </Button>
          {confirming ? (
            <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          ) : null}
        </div>
      </form>
    </Form>
  );
}
