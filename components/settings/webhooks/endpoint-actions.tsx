"use client";

import { useMutation } from "@tanstack/react-query";
import { Send, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/client";

export function attemptSummary(r: {
  result: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number | null;
}): string {
  if (r.result === "sent")
    return `Delivered: HTTP ${r.statusCode ?? "?"}${r.durationMs !== null ? ` in ${r.durationMs} ms` : ""}.`;
  if (r.result === "kept" || r.result === "lost") return "Queued: the next delivery sweep sends it.";
  const what = r.result === "failed" ? "Failed; it will be retried with backoff" : "Failed for good (not retried)";
  return `${what}: ${r.error ?? (r.statusCode !== null ? `HTTP ${r.statusCode}` : "no answer")}.`;
}

/** Send a test event, enable or disable, delete (with a confirming second click). */
export function EndpointActions({
  endpointId,
  url,
  active,
  afterDelete,
}: {
  endpointId: string;
  url: string;
  active: boolean;
  afterDelete?: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const test = useMutation(trpc.webhooks.sendTest.mutationOptions({ onSettled: () => router.refresh() }));
  const toggle = useMutation(trpc.webhooks.update.mutationOptions({ onSuccess: () => router.refresh() }));
  const reenable = useMutation(trpc.webhooks.reenable.mutationOptions({ onSettled: () => router.refresh() }));
  const remove = useMutation(
    trpc.webhooks.remove.mutationOptions({
      onSuccess: () => (afterDelete ? router.push(afterDelete) : router.refresh()),
    }),
  );
  const error = test.error ?? toggle.error ?? reenable.error ?? remove.error;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-2">
        <Button
          size="sm"
          variant="outline"
          disabled={test.isPending || !active}
          onClick={() => test.mutate({ endpointId })}
        >
          <Send aria-hidden /> {test.isPending ? "Sending…" : "Send test event"}
          <span className="sr-only"> to {url}</span>
        </Button>
        {active ? (
          <Button
            size="sm"
            variant="ghost"
            disabled={toggle.isPending}
            onClick={() => toggle.mutate({ endpointId, active: false })}
            aria-label={`Disable ${url}`}
          >
            Disable
          </Button>
        ) : (
          // a disabled endpoint comes back only if a test event gets through (docs/webhooks/README.md#retries-and-disabling)
          <Button
            size="sm"
            variant="outline"
            disabled={reenable.isPending}
            onClick={() => reenable.mutate({ endpointId })}
            aria-label={`Re-enable ${url} with a test event`}
          >
            {reenable.isPending ? "Testing…" : "Re-enable"}
          </Button>
        )}
        <Button
          size="sm"
          variant={confirming ? "destructive" : "ghost"}
          disabled={remove.isPending}
          onClick={() => (confirming ? remove.mutate({ endpointId }) : setConfirming(true))}
          onBlur={() => setConfirming(false)}
          aria-label={confirming ? `Confirm: delete ${url} and its delivery log` : `Delete ${url}`}
        >
          <Trash2 aria-hidden /> {confirming ? "Confirm delete" : "Delete"}
        </Button>
      </div>
      <p role="status" className="max-w-80 text-right text-xs text-muted-foreground">
        {test.data ? attemptSummary(test.data) : null}
        {reenable.data
          ? `${attemptSummary(reenable.data)} ${reenable.data.enabled ? "The endpoint is enabled again." : "The endpoint stays disabled."}`
          : null}
        {error ? <span className="text-destructive">{error.message}</span> : null}
      </p>
    </div>
  );
}
