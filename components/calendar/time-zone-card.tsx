"use client";

import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { SelectField } from "@/components/ui/form-controls";
import { plural } from "@/lib/format";
import { ZWorkspaceTimeZoneSchema } from "@/lib/schemas/calendar";
import { useTRPC } from "@/trpc/client";

/** The workspace time zone (docs/calendar.md#time-zone): meeting times are wall-clock times in it. */
export function TimeZoneCard({ initial, zones }: { initial: string; zones: string[] }) {
  const trpc = useTRPC();
  const form = useForm({ resolver: zodResolver(ZWorkspaceTimeZoneSchema), defaultValues: { timeZone: initial } });
  const save = useMutation(
    trpc.calendar.updateTimeZone.mutationOptions({ onError: (error) => setServerError(form, error) }),
  );
  const submit = form.handleSubmit((input) => save.mutate(input));
  return (
    <Card id="time-zone">
      <CardHeader>
        <CardTitle as="h2">Time zone</CardTitle>
        <CardDescription>
          Meeting times (kickoff, weekly reviews, standups, video sessions) are set in this zone; calendar invites carry
          it, so every attendee sees their own local time.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form
            className="flex flex-wrap items-end gap-3"
            aria-label="Workspace time zone"
            noValidate
            onSubmit={(event) => void submit(event)}
          >
            <SelectField
              control={form.control}
              name="timeZone"
              label="Time zone"
              wrapperClassName="w-72"
              options={zones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }))}
            />
            <Button type="submit" disabled={save.isPending}>
              Save
            </Button>
          </form>
          {save.data ? (
            <Alert variant="success" className="mt-3">
              <AlertDescription>
                Saved.{" "}
                {save.data.projectsUpdated > 0
                  ? `Updated invites are on their way for ${plural(save.data.projectsUpdated, "project")}.`
                  : ""}
              </AlertDescription>
            </Alert>
          ) : null}
          <FormRootError className="mt-3" />
        </Form>
      </CardContent>
    </Card>
  );
}
