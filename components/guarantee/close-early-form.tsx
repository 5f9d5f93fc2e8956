"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/trpc/client";
import { fieldErrorsOf } from "@/lib/form-errors";

/** An executive ends a running guarantee now (delivered early, contract ended): the final validation runs on today's data. */
export function CloseEarlyForm({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const close = useMutation(trpc.guarantees.closeEarly.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = fieldErrorsOf(close.error);

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
    <form
      noValidate
      className="grid gap-3"
      aria-label="Close the guarantee early"
      onSubmit={(e) => {
        e.preventDefault();
        if (!confirming) setConfirming(true);
        else close.mutate({ projectId, reason });
      }}
    >
      <FormField
        id={`${id}-reason`}
        label="Why does the guarantee end now?"
        error={errors.reason}
        required
        description="The final validation runs on today's data; the customer is told the outcome. This cannot be undone."
      >
        <Textarea
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setConfirming(false);
          }}
          maxLength={1000}
        />
      </FormField>
      {close.error && Object.keys(errors).length === 0 ? (
        <Alert variant="destructive">
          <AlertDescription>{close.error.message}</AlertDescription>
        </Alert>
      ) : null}
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
  );
}
