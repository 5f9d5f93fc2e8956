"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { CheckboxField, NumberField, SelectField, TextField } from "@/components/ui/form-controls";
import { DEFAULT_CHAT_HOSTS } from "@/lib/chat-hosts";
import { plural } from "@/lib/format";
import { ZWorkspaceSettingsFormSchema } from "@/lib/schemas/workspace-settings";
import { useTRPC } from "@/trpc/client";

type Settings = {
  timeZone: string;
  requireTwoFactor: boolean;
  staffIdleHours: number;
  customerIdleHours: number;
  refundsByOnePerson: boolean;
  chatWebhookHosts: string[];
};

/**
 * The workspace's own settings in one form (docs/security.md#workspace-settings), admins only: time zone, sign-in
 * (two-factor rule, sign-out after inactivity), refund approval and chat hosts; each save is in the audit trail.
 */
export function WorkspaceCard({ settings, zones }: { settings: Settings; zones: string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(ZWorkspaceSettingsFormSchema),
    defaultValues: { ...settings, chatWebhookHosts: settings.chatWebhookHosts.join("\n") },
  });
  const save = useMutation(
    trpc.workspace.updateSettings.mutationOptions({
      onError: (error) => setServerError(form, error),
      // the two-factor rule may now apply to the admin too: the page sends them to set it up
      onSuccess: () => router.refresh(),
    }),
  );
  const submit = form.handleSubmit((input) => save.mutate(input));
  return (
    <Card id="workspace" className="mt-6">
      <CardHeader>
        <CardTitle as="h2">Workspace</CardTitle>
        <CardDescription>
          Settings for everyone in this workspace. Each change is recorded in the audit trail.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form
            className="grid gap-6"
            aria-label="Workspace settings"
            noValidate
            onSubmit={(event) => void submit(event)}
          >
            <fieldset className="grid gap-2">
              <legend className="text-sm font-medium">Time zone</legend>
              <p className="text-sm text-muted-foreground">
                Meeting times (kickoff, weekly reviews, standups, video sessions) are set in this zone; calendar invites
                carry it, so every attendee sees their own local time.
              </p>
              <SelectField
                control={form.control}
                name="timeZone"
                label="Time zone"
                wrapperClassName="w-72"
                options={zones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }))}
              />
            </fieldset>
            <fieldset className="grid gap-2">
              <legend className="text-sm font-medium">Sign-in</legend>
              <p className="text-sm text-muted-foreground">
                When two-factor sign-in is required, team members without it set it up at their next sign-in and cannot
                use Onward until they have. Customers sign in by email link and are not affected.
              </p>
              <CheckboxField
                control={form.control}
                name="requireTwoFactor"
                label="Require two-factor sign-in for staff"
              />
              <p className="mt-2 text-sm text-muted-foreground">
                A person who has not used the app for this long is signed out and signs in again.
              </p>
              <div className="flex flex-wrap gap-3">
                <NumberField
                  control={form.control}
                  name="staffIdleHours"
                  label="Sign out team members after (hours)"
                  step={1}
                  min={1}
                  max={72}
                  className="w-56"
                />
                <NumberField
                  control={form.control}
                  name="customerIdleHours"
                  label="Sign out customers after (hours)"
                  step={1}
                  min={1}
                  max={720}
                  className="w-56"
                />
              </div>
            </fieldset>
            <fieldset className="grid gap-2">
              <legend className="text-sm font-medium">Refund approval</legend>
              <p className="text-sm text-muted-foreground">
                By default a refund needs two people: whoever asked for it or started its review does not approve it,
                and whoever approved it does not record its payment. A company of one can let one person take every
                step.
              </p>
              <CheckboxField
                control={form.control}
                name="refundsByOnePerson"
                label="Let one person review, approve and record the payment of a refund"
              />
            </fieldset>
            <TextField
              control={form.control}
              name="chatWebhookHosts"
              label="More hosts for Slack and Teams notifications"
              description={`One per line; *.example.com takes every host below example.com. Always allowed: ${[
                ...DEFAULT_CHAT_HOSTS.slack,
                ...DEFAULT_CHAT_HOSTS.teams,
              ].join(", ")}.`}
              rows={3}
            />
            <FormRootError />
            {save.data ? (
              <Alert variant="success">
                <AlertDescription>
                  Saved.
                  {save.data.projectsUpdated > 0
                    ? ` Updated invites are on their way for ${plural(save.data.projectsUpdated, "project")}.`
                    : ""}
                </AlertDescription>
              </Alert>
            ) : null}
            <div>
              <Button type="submit" disabled={save.isPending}>
                Save
              </Button>
            </div>
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}
