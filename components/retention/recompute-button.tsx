"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/client";
import { readError } from "@/lib/form-errors";

/** Recompute today's snapshot now; a new plan is made when the strategy changed, or on request. */
export function RecomputeButtons({ accountId }: { accountId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const recompute = useMutation(trpc.retention.recompute.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" disabled={recompute.isPending} onClick={() => recompute.mutate({ accountId })}>
          Recompute now
        </Button>
        <Button
          variant="ghost"
          disabled={recompute.isPending}
          onClick={() => recompute.mutate({ accountId, newPlan: true })}
        >
          Start a new plan
        </Button>
      </div>
      {recompute.data ? (
        <Alert variant="success">
          <AlertDescription>
            Health {recompute.data.healthScore}, expansion {recompute.data.expansionScore}.{" "}
            {recompute.data.planId ? "A new plan was made; its tasks are yours." : "The current plan stands."}
          </AlertDescription>
        </Alert>
      ) : null}
      {recompute.error ? (
        <Alert variant="destructive">
          <AlertDescription>{readError(recompute.error)?.message}</AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
