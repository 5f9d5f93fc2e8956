"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { fieldErrorsOf } from "@/lib/form-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ALERT_NOTE_MAX } from "@/lib/schemas/alerts";
import { useTRPC } from "@/trpc/client";

/**
 * Marks one alert dealt with, with an optional note for the audit trail. Folded behind "Resolve…" so
 * the list stays short; an alert someone else resolved meanwhile answers with when, and the page reloads.
 */
export function ResolveAlert({ alertId, label }: { alertId: string; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [note, setNote] = useState("");
  const resolve = useMutation(
    trpc.alerts.resolve.mutationOptions({ onSuccess: () => router.refresh(), onError: () => router.refresh() }),
  );
  const errors = fieldErrorsOf(resolve.error);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer select-none text-primary underline-offset-4 hover:underline">
        Resolve…<span className="sr-only"> {label}</span>
      </summary>
      <form
        noValidate
        aria-label={`Resolve ${label}`}
        className="mt-2 grid gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          resolve.mutate({ alertId, note: note.trim() || undefined });
        }}
      >
        <FormField id={`${id}-note`} label="What was done (optional)" error={errors.note}>
          <Input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={ALERT_NOTE_MAX}
            placeholder="e.g. recovery plan agreed with the customer"
          />
        </FormField>
        {resolve.error && !errors.note ? (
          <Alert variant="destructive">
            <AlertDescription>{resolve.error.message}</AlertDescription>
          </Alert>
        ) : null}
        <div>
          <Button size="sm" type="submit" disabled={resolve.isPending}>
            {resolve.isPending ? "Resolving…" : "Resolve alert"}
          </Button>
        </div>
      </form>
    </details>
  );
}
