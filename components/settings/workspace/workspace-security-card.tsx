"use client";

import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { CheckboxField, TextField } from "@/components/ui/form-controls";
import { DEFAULT_CHAT_HOSTS } from "@/lib/chat-hosts";
import { ZWorkspaceSettingsFormSchema } from "@/lib/schemas/workspace-settings";
import { useTRPC } from "@/trpc/client";

type Settings = { refundsByOnePerson: boolean; chatWebhookHosts: string[] };

/** The workspace's security settings (docs/security.md), admins only; each change is in the audit trail. */
export function WorkspaceSecurityCard({ settings }: { settings: Settings }) {
  const trpc = useTRPC();
  const form = useForm({
    resolver: zodResolver(ZWorkspaceSettingsFormSchema),
    defaultValues: { ...settings, chatWebhookHosts: settings.chatWebhookHosts.join("\n") },
  });
  const save = useMutation(
    trpc.workspace.updateSettings.mutationOptions({ onError: (error) => setServerError(form, error) }),
  );
  const submit = form.handleSubmit((input) => save.mutate(input));
  return (
    <Card id="workspace-security" className="mt-6">
      <CardHeader>
        <CardTitle as="h2">Workspace security</CardTitle>
        <CardDescription>Each change is recorded in the audit trail.</CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form
            className="grid gap-4"
            aria-label="Workspace security"
            noValidate
            onSubmit={(event) => void submit(event)}
          >
            <fieldset className="grid gap-1">
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
                <AlertDescription>Saved.</AlertDescription>
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
