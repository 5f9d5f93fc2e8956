"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { readError } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/client";

export function UserStatusButton({ userId, name, disabled }: { userId: string; name: string; disabled: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.users.setDisabled.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        size="sm"
        variant={disabled ? "outline" : "ghost"}
        disabled={mutation.isPending}
        aria-label={`${disabled ? "Enable" : "Disable"} ${name}`}
        onClick={() => mutation.mutate({ userId, disabled: !disabled })}
      >
        {disabled ? "Enable" : "Disable"}
      </Button>
      {mutation.error ? (
        <p role="alert" className="text-xs text-destructive">
          {readError(mutation.error)?.message}
        </p>
      ) : null}
    </div>
  );
}
