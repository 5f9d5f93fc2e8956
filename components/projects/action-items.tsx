"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useTRPC } from "@/trpc/client";
import { formatDateTime } from "@/lib/format";
import type { ProjectView } from "./types";
import { readError } from "@/lib/form-errors";

const KIND: Record<string, { label: string; tone: NonNullable<BadgeProps["variant"]> }> = {
  RECOVERY: { label: "Recovery", tone: "warning" },
  ESCALATION: { label: "Escalation", tone: "destructive" },
  FOLLOW_UP: { label: "Follow-up", tone: "secondary" },
  QUALITY: { label: "Quality", tone: "warning" },
  RETENTION: { label: "Retention", tone: "outline" },
};

/** Open action items of a project (recovery, escalation, follow-ups), each with its owner and deadline. */
export function ActionItems({
  items,
  canWrite,
  now,
}: {
  items: ProjectView["actionItems"];
  canWrite: boolean;
  now: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.projects.updateAction.mutationOptions({ onSuccess: () => router.refresh() }));
  if (items.length === 0)
    return (
      <EmptyState
        title="No open actions"
        description="Validations that put a week at risk create recovery and escalation actions here."
        headingAs="h3"
      />
    );
  return (
    <div className="grid gap-2">
      {update.error ? (
        <Alert variant="destructive">
          <AlertDescription>{readError(update.error)?.message}</AlertDescription>
        </Alert>
      ) : null}
      <ul className="grid gap-2">
        {items.map((a) => {
          const kind = KIND[a.kind] ?? { label: a.kind, tone: "outline" as const };
          const overdue = a.dueAt !== null && new Date(a.dueAt) < new Date(now);
          return (
            <li key={a.id} className="grid gap-1 rounded-md border p-3 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium">{a.title}</span>
                <div className="flex items-center gap-2">
                  {a.status === "SNOOZED" ? <Badge variant="outline">Snoozed</Badge> : null}
                  <Badge variant={kind.tone}>{kind.label}</Badge>
                </div>
              </div>
              {a.detail ? <p className="text-muted-foreground">{a.detail}</p> : null}
              <p className={overdue ? "text-destructive" : "text-muted-foreground"}>
                {a.assignee ? `Owner: ${a.assignee.name}` : "Unassigned"}
                {a.dueAt ? ` · due ${formatDateTime(a.dueAt)}${overdue ? " (overdue)" : ""}` : ""}
              </p>
              {canWrite ? (
                <div className="flex gap-2">
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={update.isPending}
                    onClick={() => update.mutate({ actionId: a.id, status: "DONE" })}
                  >
                    Mark done<span className="sr-only"> ({a.title})</span>
                  </Button>
                  {a.status !== "SNOOZED" ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={update.isPending}
                      onClick={() => update.mutate({ actionId: a.id, status: "SNOOZED" })}
                    >
                      Snooze<span className="sr-only"> ({a.title})</span>
                    </Button>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
