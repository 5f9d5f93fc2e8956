"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { readError } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/client";

/** Hides the setup checklist, or (dismissed) brings it back from settings. */
export function DismissChecklistButton({ dismissed }: { dismissed: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.onboarding.setDismissed.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        size="sm"
        variant={dismissed ? "outline" : "ghost"}
        disabled={mutation.isPending}
        onClick={() => mutation.mutate({ dismissed: !dismissed })}
      >
        {dismissed ? "Show setup checklist" : "Hide checklist"}
      </Button>
      {mutation.error ? (
        <p role="alert" className="text-xs text-destructive">
          {readError(mutation.error)?.message}
        </p>
      ) : null}
    </div>
  );
}
