"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { readError } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/client";

/** An admin clears a person's two-factor sign-in, e.g. after a lost phone (docs/security.md#two-factor-sign-in). */
export function ResetTwoFactorButton({ userId, name }: { userId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.twoFactor.reset.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        size="sm"
        variant="ghost"
        disabled={mutation.isPending}
        aria-label={`Reset two-factor sign-in of ${name}`}
        onClick={() => {
          if (
            window.confirm(
              `Reset two-factor sign-in of ${name}? They sign in with their password alone until they set it up again.`,
            )
          )
            mutation.mutate({ userId });
        }}
      >
        Reset two-factor
      </Button>
      {mutation.error ? (
        <p role="alert" className="text-xs text-destructive">
          {readError(mutation.error)?.message}
        </p>
      ) : null}
    </div>
  );
}
