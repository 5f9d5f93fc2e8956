"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/select";
import { fieldErrorsIn } from "@/lib/form-errors";
import { plural } from "@/lib/format";
import { useTRPC } from "@/trpc/client";

/** The workspace time zone (docs/calendar.md#time-zone): meeting times are wall-clock times in it. */
export function TimeZoneCard({ initial, zones }: { initial: string; zones: string[] }) {
  const trpc = useTRPC();
  const [zone, setZone] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const save = useMutation(
    trpc.calendar.updateTimeZone.mutationOptions({
      onSuccess: () => setFieldErrors({}),
      onError: (error) => setFieldErrors(fieldErrorsIn(error)),
    }),
  );
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
        <form
          className="flex flex-wrap items-end gap-3"
          aria-label="Workspace time zone"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ timeZone: zone });
          }}
        >
          <FormField id="workspace-time-zone" label="Time zone" error={fieldErrors.timeZone}>
            <NativeSelect value={zone} onChange={(e) => setZone(e.target.value)} wrapperClassName="w-72">
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replaceAll("_", " ")}
                </option>
              ))}
            </NativeSelect>
          </FormField>
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
        {save.error && !fieldErrors.timeZone ? (
          <Alert variant="destructive" className="mt-3">
            <AlertDescription>{save.error.message}</AlertDescription>
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
}
