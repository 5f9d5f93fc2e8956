"use client";

import { useMutation } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/client";
import { attemptSummary } from "./endpoint-actions";

export function RedeliverButton({ deliveryId, event }: { deliveryId: string; event: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const redeliver = useMutation(trpc.webhooks.redeliver.mutationOptions({ onSettled: () => router.refresh() }));
  return (
    <div className="flex flex-col items-end gap-1">
      <Button size="sm" variant="ghost" disabled={redeliver.isPending} onClick={() => redeliver.mutate({ deliveryId })}>
        <RotateCcw aria-hidden /> {redeliver.isPending ? "Sending…" : "Redeliver"}
        <span className="sr-only"> this {event} message</span>
      </Button>
      <p role="status" className="max-w-64 text-right text-xs text-muted-foreground">
        {redeliver.data ? attemptSummary(redeliver.data) : null}
        {redeliver.error ? <span className="text-destructive">{redeliver.error.message}</span> : null}
      </p>
    </div>
  );
}
