"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { readError } from "@/lib/form-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { useTRPC } from "@/trpc/client";
import { formatDate } from "@/lib/format";
import { TASK_STATUS } from "./labels";
import { ROLE_LABEL } from "@/lib/labels/role";
import type { Role } from "@/generated/prisma/enums";

type Task = {
  id: string;
  title: string;
  detail: string | null;
  status: string;
  dueAt: Date | null;
  completedAt: Date | null;
  assignee: { id: string; name: string } | null;
};
type Person = { id: string; name: string; role: string };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function TaskRow({ task, people, canWrite, now }: { task: Task; people: Person[]; canWrite: boolean; now: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [mode, setMode] = useState<"snooze" | "reassign" | null>(null);
  const [until, setUntil] = useState(isoDay(new Date(Date.parse(now) + 7 * 86_400_000)));
  const [assignee, setAssignee] = useState(task.assignee?.id ?? "");
  const update = useMutation(
    trpc.retention.updateTask.mutationOptions({
      onSuccess: () => {
        setMode(null);
        router.refresh();
      },
    }),
  );
  const refusal = readError(update.error);
  const errors = refusal?.fieldErrors ?? {};
  const status = TASK_STATUS[task.status] ?? { label: task.status, tone: "outline" as const };
  const overdue = task.status === "OPEN" && task.dueAt !== null && task.dueAt.toISOString() < now;
  const finished = task.status === "DONE" || task.status === "CANCELLED";
  const sr = <span className="sr-only"> ({task.title})</span>;

  return (
    <li className="grid gap-2 rounded-md border p-3 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className={finished ? "font-medium text-muted-foreground line-through" : "font-medium"}>
          {task.title}
        </span>
        <Badge variant={status.tone}>{status.label}</Badge>
      </div>
      {task.detail ? <p className="text-muted-foreground">{task.detail}</p> : null}
      <p className={overdue ? "text-destructive" : "text-muted-foreground"}>
        {task.assignee ? `Owner: ${task.assignee.name}` : "Unassigned"}
        {task.dueAt ? ` · due ${formatDate(task.dueAt)}${overdue ? " (overdue)" : ""}` : ""}
        {task.completedAt && task.status === "DONE" ? ` · done ${formatDate(task.completedAt)}` : ""}
      </p>
      {refusal && Object.keys(errors).length === 0 ? (
        <Alert variant="destructive">
          <AlertDescription>{refusal.message}</AlertDescription>
        </Alert>
      ) : null}
      {canWrite && task.status !== "CANCELLED" ? (
        <div className="flex flex-wrap items-end gap-2">
          {task.status === "DONE" ? (
            <Button
              size="sm"
              variant="outline"
              disabled={update.isPending}
              onClick={() => update.mutate({ op: "reopen", actionId: task.id })}
            >
              Reopen{sr}
            </Button>
          ) : (
            <>
              <Button
                size="sm"
                variant="outline"
                disabled={update.isPending}
                onClick={() => update.mutate({ op: "complete", actionId: task.id })}
              >
                Complete{sr}
              </Button>
              <Button
                size="sm"
                variant="ghost"
                aria-expanded={mode === "snooze"}
                onClick={() => setMode(mode === "snooze" ? null : "snooze")}
              >
                Snooze{sr}
              </Button>
              <Button
                size="sm"
                variant="ghost"
                aria-expanded={mode === "reassign"}
                onClick={() => setMode(mode === "reassign" ? null : "reassign")}
              >
                Reassign{sr}
              </Button>
            </>
          )}
          {mode === "snooze" ? (
            <form
              className="flex flex-wrap items-end gap-2"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                update.mutate({ op: "snooze", actionId: task.id, until: new Date(`${until}T09:00:00.000Z`) });
              }}
            >
              <label className="grid gap-1 text-xs" htmlFor={`${id}-until`}>
                Snooze until
                <Input
                  id={`${id}-until`}
                  type="date"
                  value={until}
                  min={isoDay(new Date(now))}
                  onChange={(e) => setUntil(e.target.value)}
                  aria-invalid={errors.until ? true : undefined}
                  aria-describedby={errors.until ? `${id}-until-error` : undefined}
                  className="w-40"
                />
              </label>
              <Button size="sm" type="submit" disabled={update.isPending}>
                Snooze
              </Button>
              {errors.until ? (
                <p id={`${id}-until-error`} role="alert" className="basis-full text-xs font-medium text-destructive">
                  {errors.until}
                </p>
              ) : null}
            </form>
          ) : null}
          {mode === "reassign" ? (
            <form
              className="flex flex-wrap items-end gap-2"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                update.mutate({ op: "reassign", actionId: task.id, assigneeId: assignee });
              }}
            >
              <label className="grid gap-1 text-xs" htmlFor={`${id}-assignee`}>
                New owner
                <NativeSelect
                  id={`${id}-assignee`}
                  value={assignee}
                  onChange={(e) => setAssignee(e.target.value)}
                  aria-invalid={errors.assigneeId ? true : undefined}
                  wrapperClassName="w-56"
                >
                  <option value="" disabled>
                    Choose a person
                  </option>
                  {people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} ({(ROLE_LABEL[p.role as Role] ?? "staff").toLowerCase()})
                    </option>
                  ))}
                </NativeSelect>
              </label>
              <Button size="sm" type="submit" disabled={update.isPending || !assignee}>
                Reassign
              </Button>
              {errors.assigneeId ? (
                <p role="alert" className="basis-full text-xs font-medium text-destructive">
                  {errors.assigneeId}
                </p>
              ) : null}
            </form>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** A retention plan's tasks (docs/domain.md#retention actions with due dates): complete, reopen, snooze or reassign each. */
export function TaskList({
  tasks,
  people,
  canWrite,
  now,
}: {
  tasks: Task[];
  people: Person[];
  canWrite: boolean;
  now: string;
}) {
  if (tasks.length === 0) return <p className="text-sm text-muted-foreground">This plan has no tasks.</p>;
  return (
    <ul className="grid gap-2">
      {tasks.map((t) => (
        <TaskRow key={t.id} task={t} people={people} canWrite={canWrite} now={now} />
      ))}
    </ul>
  );
}
