"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { formText } from "@/lib/form-data";
import { fieldErrorsIn, formErrors } from "@/lib/form-errors";
import { formatDateTime } from "@/lib/format";
import { ZScheduleSessionSchema } from "@/lib/schemas/calendar";
import { useTRPC } from "@/trpc/client";

/**
 * The time and join link of one video session (docs/calendar.md#events); saving sends the invite, an
 * update, or (both fields cleared) the cancellation.
 */
export function SessionScheduleForm({
  deliveryId,
  title,
  sessionAt,
  joinUrl,
}: {
  deliveryId: string;
  title: string;
  sessionAt: Date | null;
  joinUrl: string | null;
}) {
  const trpc = useTRPC();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const save = useMutation(
    trpc.calendar.scheduleSession.mutationOptions({
      onSuccess: () => setFieldErrors({}),
      onError: (error) => setFieldErrors(fieldErrorsIn(error)),
    }),
  );
  const errors = [fieldErrors.sessionAt, fieldErrors.joinUrl, fieldErrors.deliveryId].filter(Boolean);
  const saved = save.data;
  return (
    <form
      className="mt-1 grid gap-1"
      aria-label={`Schedule ${title}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const parsed = ZScheduleSessionSchema.safeParse({
          deliveryId,
          sessionAt: formText(form.get("sessionAt")),
          joinUrl: formText(form.get("joinUrl")),
        });
        if (!parsed.success) {
          setFieldErrors(formErrors(parsed.error));
          return;
        }
        save.mutate(parsed.data);
      }}
    >
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor={`session-at-${deliveryId}`}>
          Session time (workspace time zone)
        </label>
        <Input
          id={`session-at-${deliveryId}`}
          name="sessionAt"
          type="datetime-local"
          className="w-52"
          aria-invalid={fieldErrors.sessionAt ? true : undefined}
        />
        <label className="sr-only" htmlFor={`session-url-${deliveryId}`}>
          Join link
        </label>
        <Input
          id={`session-url-${deliveryId}`}
          name="joinUrl"
          type="url"
          inputMode="url"
          placeholder="https://…"
          defaultValue={joinUrl ?? ""}
          className="w-64"
          aria-invalid={fieldErrors.joinUrl ? true : undefined}
        />
        <Button size="sm" variant="outline" type="submit" disabled={save.isPending}>
          Send invite
        </Button>
      </div>
      {errors.length > 0 ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {errors.join(" · ")}
        </p>
      ) : saved ? (
        <p className="text-sm text-muted-foreground">
          {saved.sessionAt
            ? `Scheduled for ${saved.sessionAt.replace("T", " ")} (${saved.timeZone}); the invite is on its way.`
            : "Not scheduled; any invite sent was cancelled."}
        </p>
      ) : sessionAt ? (
        <p className="text-sm text-muted-foreground">Scheduled for {formatDateTime(sessionAt)}.</p>
      ) : (
        <p className="text-sm text-muted-foreground">Not scheduled yet: set a time and a link to send the invite.</p>
      )}
    </form>
  );
}
