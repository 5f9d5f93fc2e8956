"use client";

import { useMutation } from "@tanstack/react-query";
import { Copy, KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fieldError, fieldErrorsIn } from "@/lib/form-errors";
import { formatDateTime } from "@/lib/format";
import { ZUpdateWebhookSchema } from "@/lib/schemas/webhooks";
import { useTRPC } from "@/trpc/client";
import { EventCheckboxes } from "./event-checkboxes";

/** Changes which events an endpoint receives (none: all). */
export function EndpointEventsForm({ endpointId, events }: { endpointId: string; events: readonly string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.webhooks.update.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const errors = update.error ? fieldErrorsIn(update.error) : {};
  return (
    <form
      className="grid gap-3"
      aria-label="Events this endpoint receives"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        const chosen = new FormData(e.currentTarget).getAll("events").map(String);
        const parsed = ZUpdateWebhookSchema.safeParse({ endpointId, events: chosen });
        if (parsed.success) update.mutate(parsed.data);
      }}
    >
      <EventCheckboxes selected={events} error={fieldError(errors, "events")} />
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save events"}
        </Button>
        <p role="status" className="text-sm text-muted-foreground">
          {saved ? "Saved." : null}
          {update.error && !fieldError(errors, "events") ? (
            <span className="text-destructive">{update.error.message}</span>
          ) : null}
        </p>
      </div>
    </form>
  );
}

/** Generates a new signing secret, shown once; the old one keeps signing for 24 hours. */
export function RotateSecretButton({ endpointId, url }: { endpointId: string; url: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [copied, setCopied] = useState(false);
  const rotate = useMutation(trpc.webhooks.rotateSecret.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="grid gap-2">
      <div>
        <Button
          size="sm"
          variant="outline"
          disabled={rotate.isPending}
          onClick={() => {
            setCopied(false);
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
            <div className="flex w-full items-center gap-2">
              <code
                className="min-w-0 flex-1 truncate rounded bg-muted px-2 py-1 font-mono text-xs"
                data-testid="rotated-secret"
              >
                {rotate.data.secret}
              </code>
              <Button
                type="button"
                size="sm"
                variant="outline"
                onClick={() => {
                  const secret = rotate.data?.secret ?? "";
                  void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
                }}
              >
                <Copy aria-hidden /> {copied ? "Copied" : "Copy"}
              </Button>
            </div>
          </AlertDescription>
        </Alert>
      ) : null}
      {rotate.error ? <p className="text-sm text-destructive">{rotate.error.message}</p> : null}
    </div>
  );
}
