"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { formText } from "@/lib/form-data";
import { fieldErrorsIn, formErrors } from "@/lib/form-errors";
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
  const [standup, setStandup] = useState(initial.standupEnabled);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<string | null>(null);
  const save = useMutation(
    trpc.calendar.updateProjectMeetings.mutationOptions({
      onSuccess: (r) => {
        setFieldErrors({});
        const sent = r.invited + r.updated + r.cancelled;
        setResult(
          sent === 0
            ? "Saved. Nothing changed for the attendees."
            : `Saved. ${plural(r.invited, "new invite")}, ${plural(r.updated, "update")} and ${plural(r.cancelled, "cancellation")} are on their way.`,
        );
      },
      onError: (error) => setFieldErrors(fieldErrorsIn(error)),
    }),
  );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setResult(null);
    const parsed = ZProjectCalendarSchema.safeParse({
      projectId: initial.projectId,
      kickoffMeetingAt: formText(form.get("kickoffMeetingAt")),
      reviewTime: formText(form.get("reviewTime")),
      standupEnabled: standup,
      standupTime: formText(form.get("standupTime")),
      meetingUrl: formText(form.get("meetingUrl")),
    });
    if (!parsed.success) {
      setFieldErrors(formErrors(parsed.error));
      return;
    }
    save.mutate(parsed.data);
  }

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
        <form onSubmit={submit} className="grid max-w-xl gap-4" noValidate aria-label="Project meetings">
          {result ? (
            <Alert variant="success">
              <AlertDescription>{result}</AlertDescription>
            </Alert>
          ) : null}
          {save.error && Object.keys(fieldErrors).length === 0 ? (
            <Alert variant="destructive">
              <AlertDescription>{save.error.message}</AlertDescription>
            </Alert>
          ) : null}
          <FormField
            id="meet-kickoff"
            label="Kickoff meeting"
            error={fieldErrors.kickoffMeetingAt}
            description="Leave empty for no kickoff meeting; clearing it cancels the invite."
          >
            <Input
              name="kickoffMeetingAt"
              type="datetime-local"
              defaultValue={initial.kickoffMeetingAt}
              disabled={!canWrite}
            />
          </FormField>
          <FormField id="meet-review" label="Weekly milestone review time" error={fieldErrors.reviewTime} required>
            <Input name="reviewTime" type="time" defaultValue={initial.reviewTime} disabled={!canWrite} />
          </FormField>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={standup}
              onChange={(e) => setStandup(e.target.checked)}
              disabled={!canWrite}
              className="size-4 accent-primary"
            />
            Hold a daily standup (working days, until the target end)
          </label>
          <FormField id="meet-standup" label="Standup time" error={fieldErrors.standupTime}>
            <Input name="standupTime" type="time" defaultValue={initial.standupTime} disabled={!canWrite || !standup} />
          </FormField>
          <FormField
            id="meet-url"
            label="Video link"
            error={fieldErrors.meetingUrl}
            description="An https:// link put in every invite of this project."
          >
            <Input
              name="meetingUrl"
              type="url"
              inputMode="url"
              defaultValue={initial.meetingUrl}
              disabled={!canWrite}
            />
          </FormField>
          {canWrite ? (
            <div>
              <Button type="submit" disabled={save.isPending}>
                {save.isPending ? "Sending…" : "Save and send invites"}
              </Button>
            </div>
          ) : null}
        </form>
      </CardContent>
    </Card>
  );
}
