"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/client";
import { readError } from "@/lib/form-errors";

/**
 * Mark-as-read on the notifications page: one notification, or every unread one. The page (and the
 * unread count in the header) re-renders from the server once the change is stored; a failure is shown.
 */
export function MarkRead({ notificationId, title }: { notificationId: string; title: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mark = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="grid justify-items-end gap-1">
      <Button size="sm" variant="ghost" disabled={mark.isPending} onClick={() => mark.mutate({ notificationId })}>
        {mark.isPending ? "Marking…" : "Mark read"}
        <span className="sr-only">: {title}</span>
      </Button>
      {mark.error ? (
        <p role="alert" className="text-xs text-destructive">
          {readError(mark.error)?.message}
        </p>
      ) : null}
    </div>
  );
}

export function MarkAllRead({ unread }: { unread: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mark = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: () => router.refresh() }));
  if (unread === 0) return null;
  return (
    <div className="grid justify-items-end gap-2">
      <Button size="sm" variant="outline" disabled={mark.isPending} onClick={() => mark.mutate()}>
        {mark.isPending ? "Marking…" : `Mark all ${unread} read`}
      </Button>
      {mark.error ? (
        <p role="alert" className="text-xs text-destructive">
          {readError(mark.error)?.message}
        </p>
      ) : null}
    </div>
  );
}
