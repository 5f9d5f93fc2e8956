"use client";

import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormField, FormItem, FormLabel, FormRootError, setServerError } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
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
  const form = useForm({
    resolver: zodResolver(ZScheduleSessionSchema),
    defaultValues: { deliveryId, sessionAt: "", joinUrl: joinUrl ?? "" },
  });
  const save = useMutation(
    trpc.calendar.scheduleSession.mutationOptions({ onError: (error) => setServerError(form, error) }),
  );
  const submit = form.handleSubmit((input) => save.mutate(input));
  // The row is too narrow for a message under each box: the field messages share one line below it.
  const fieldState = form.formState.errors;
  const errors = [fieldState.sessionAt, fieldState.joinUrl, fieldState.deliveryId]
    .map((e) => e?.message)
    .filter(Boolean);
  const saved = save.data;
  return (
    <Form {...form}>
      <form
        className="mt-1 grid gap-1"
        aria-label={`Schedule ${title}`}
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        <div className="flex flex-wrap items-center gap-2">
          <FormField
            control={form.control}
            name="sessionAt"
            render={({ field }) => (
              <FormItem className="contents">
                <FormLabel className="sr-only">Session time (workspace time zone)</FormLabel>
                <FormControl>
                  <Input {...field} type="datetime-local" className="w-52" />
                </FormControl>
              </FormItem>
            )}
          />
          <FormField
            control={form.control}
            name="joinUrl"
            render={({ field }) => (
              <FormItem className="contents">
                <FormLabel className="sr-only">Join link</FormLabel>
                <FormControl>
                  <Input {...field} type="url" inputMode="url" placeholder="https://…" className="w-64" />
                </FormControl>
              </FormItem>
            )}
          />
          <Button size="sm" variant="outline" type="submit" disabled={save.isPending}>
            Send invite
          </Button>
        </div>
        <FormRootError />
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
    </Form>
  );
}
