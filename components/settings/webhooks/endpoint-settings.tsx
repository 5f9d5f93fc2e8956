"use client";

import { useMutation } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form, setServerError } from "@/components/ui/form";
import { readError } from "@/lib/form-errors";
import { formatDateTime } from "@/lib/format";
import { WEBHOOK_EVENTS, ZUpdateWebhookSchema } from "@/lib/schemas/webhooks";
import { useTRPC } from "@/trpc/client";
import { EventsField } from "./event-checkboxes";
import { SecretCopy } from "./secret-copy";

/** Changes which events an endpoint receives (none: all). */
export function EndpointEventsForm({ endpointId, events }: { endpointId: string; events: readonly string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    resolver: zodResolver(ZUpdateWebhookSchema),
    // events no longer in the catalogue have no checkbox, so saving drops them (as it always did)
    defaultValues: { endpointId, events: WEBHOOK_EVENTS.filter((e) => events.includes(e)) },
  });
  const update = useMutation(
    trpc.webhooks.update.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
      onError: (error) => setServerError(form, error),
    }),
  );
  const rootError = form.formState.errors.root?.server?.message;
  const submit = form.handleSubmit((input) => {
    setSaved(false);
    update.mutate(input);
  });
  return (
    <Form {...form}>
      <form
        className="grid gap-3"
        aria-label="Events this endpoint receives"
        noValidate
        onSubmit={(e) => void submit(e)}
      >
        <EventsField control={form.control} name="events" />
        <div className="flex items-center gap-3">
          <Button type="submit" size="sm" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save events"}
          </Button>
          {/* The form's root error shares the status line beside the button, as the saved note does. */}
          <p role="status" className="text-sm text-muted-foreground">
            {saved ? "Saved." : null}
            {rootError ? <span className="text-destructive">{rootError}</span> : null}
          </p>
        </div>
      </form>
    </Form>
  );
}

/** Generates a new signing secret, shown once; the old one keeps signing for 24 hours. */
export function RotateSecretButton({ endpointId, url }: { endpointId: string; url: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const rotate = useMutation(trpc.webhooks.rotateSecret.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="grid gap-2">
      <div>
        <Button
          size="sm"
          variant="outline"
          disabled={rotate.isPending}
          onClick={() => {
            rotate.mutate({ endpointId });
          }}
        >
          <KeyRound aria-hidden /> {rotate.isPending ? "Rotating…" : "Rotate secret"}
          <span className="sr-only"> of {url}</span>
        </Button>
      </div>
      {rotate.data ? (
        <Alert variant="success">
          <AlertTitle>New signing secret</AlertTitle>
          <AlertDescription>
            <p>
              Copy it now: it is not shown again. Until {formatDateTime(rotate.data.previousSecretValidUntil)} every
              request is signed with both the old and the new secret, so your receiver can switch without missing a
              delivery.
            </p>
            <SecretCopy key={rotate.data.secret} secret={rotate.data.secret} testId="rotated-secret" />
          </AlertDescription>
        </Alert>
      ) : null}
      {rotate.error ? <p className="text-sm text-destructive">{readError(rotate.error)?.message}</p> : null}
    </div>
  );
}
