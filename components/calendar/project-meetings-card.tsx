"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { CheckboxField, TextField } from "@/components/ui/form-controls";
import { plural } from "@/lib/format";
import { ZProjectCalendarSchema } from "@/lib/schemas/calendar";
import { useTRPC } from "@/trpc/client";

type Meetings = {
  projectId: string;
  timeZone: string;
  kickoffMeetingAt: string;
  reviewTime: string;
  standupEnabled: boolean;
  standupTime: string;
  meetingUrl: string;
};

/**
 * A project's meetings (docs/calendar.md#events): saving sends calendar invites for what is new or
 * changed and cancellations for what was removed.
 */
export function ProjectMeetingsCard({ initial, canWrite }: { initial: Meetings; canWrite: boolean }) {
  const trpc = useTRPC();
  const [result, setResult] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(ZProjectCalendarSchema),
    defaultValues: {
      projectId: initial.projectId,
      kickoffMeetingAt: initial.kickoffMeetingAt,
      reviewTime: initial.reviewTime,
      standupEnabled: initial.standupEnabled,
      standupTime: initial.standupTime,
      meetingUrl: initial.meetingUrl,
    },
  });
  const standup = useWatch({ control: form.control, name: "standupEnabled" });
  const save = useMutation(
    trpc.calendar.updateProjectMeetings.mutationOptions({
      onSuccess: (r) => {
        const sent = r.invited + r.updated + r.cancelled;
        setResult(
          sent === 0
            ? "Saved. Nothing changed for the attendees."
            : `Saved. ${plural(r.invited, "new invite")}, ${plural(r.updated, "update")} and ${plural(r.cancelled, "cancellation")} are on their way.`,
        );
      },
      onError: (error) => setServerError(form, error),
    }),
  );

  const submit = form.handleSubmit((input) => {
    setResult(null);
    save.mutate(input);
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Meetings</CardTitle>
        <CardDescription>
          Sent as calendar invites to the team and the customer: the kickoff meeting, the weekly milestone review with
          the approvers until the last week, and the daily standup if you hold one. Times are in {initial.timeZone}.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form
            onSubmit={(event) => void submit(event)}
            className="grid max-w-xl gap-4"
            noValidate
            aria-label="Project meetings"
          >
            {result ? (
              <Alert variant="success">
                <AlertDescription>{result}</AlertDescription>
              </Alert>
            ) : null}
            <FormRootError />
            {/* A disabled fieldset makes every field read-only for people who may not change the meetings. */}
            <fieldset disabled={!canWrite} className="grid gap-4">
              <TextField
                control={form.control}
                name="kickoffMeetingAt"
                label="Kickoff meeting"
                type="datetime-local"
                description="Leave empty for no kickoff meeting; clearing it cancels the invite."
              />
              <TextField
                control={form.control}
                name="reviewTime"
                label="Weekly milestone review time"
                type="time"
                required
              />
              <CheckboxField
                control={form.control}
                name="standupEnabled"
                label="Hold a daily standup (working days, until the target end)"
              />
              <TextField
                control={form.control}
                name="standupTime"
                label="Standup time"
                type="time"
                disabled={!standup}
              />
              <TextField
                control={form.control}
                name="meetingUrl"
                label="Video link"
                type="url"
                inputMode="url"
                description="An https:// link put in every invite of this project."
              />
            </fieldset>
            {canWrite ? (
              <div>
                <Button type="submit" disabled={save.isPending}>
                  {save.isPending ? "Sending…" : "Save and send invites"}
                </Button>
              </div>
            ) : null}
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}
