"use client";

import { formText } from "@/lib/form-data";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import {
  CHANNELS,
  CHANNEL_LABEL,
  DIGEST_FREQUENCIES,
  RECURRING_MAIL_KINDS,
  ZUpdateChannelPrefsSchema,
  type Channel,
  type ChatBroken,
  type DigestFrequency,
  type RecurringMailKind,
} from "@/lib/schemas/channel-prefs";
import { MAIL_KIND_LABEL } from "@/lib/labels/mail-kind";
import { useTRPC } from "@/trpc/client";
import { fieldError, formErrors, fieldErrorsIn } from "@/lib/form-errors";
import { ChatHealth } from "./chat-health";

type Prefs = {
  email: string;
  channels: Channel[];
  digest: DigestFrequency;
  slackWebhookUrl: string;
  teamsWebhookUrl: string;
  slackBroken?: ChatBroken | null;
  teamsBroken?: ChatBroken | null;
  emailOptOuts: RecurringMailKind[];
};

const DIGEST_TEXT: Record<DigestFrequency, { label: string; description: string }> = {
  daily: {
    label: "Daily",
    description: "One message a day with your projects' progress and what happened since yesterday.",
  },
  weekly: { label: "Weekly", description: "One message on Mondays." },
  off: { label: "Off", description: "No digest. Urgent alerts still reach you." },
};

/** A person's channels and digest frequency; the same schema as the server checks it before sending. */
export function PreferencesForm({ initial, urgentNote }: { initial: Prefs; urgentNote: string }) {
  const trpc = useTRPC();
  const [channels, setChannels] = useState<Channel[]>(initial.channels);
  const [optOuts, setOptOuts] = useState<RecurringMailKind[]>(initial.emailOptOuts);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.preferences.updateChannels.mutationOptions({
      onSuccess: (prefs) => {
        setChannels(prefs.channels);
        setOptOuts(prefs.emailOptOuts);
        setFieldErrors({});
        setSaved(true);
      },
      onError: (error) => setFieldErrors(fieldErrorsIn(error)),
    }),
  );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaved(false);
    const parsed = ZUpdateChannelPrefsSchema.safeParse({
      channels,
      digest: formText(form.get("digest")),
      emailOptOuts: optOuts,
      slackWebhookUrl: formText(form.get("slackWebhookUrl")),
      teamsWebhookUrl: formText(form.get("teamsWebhookUrl")),
    });
    if (!parsed.success) {
      setFieldErrors(formErrors(parsed.error));
      return;
    }
    save.mutate(parsed.data);
  }

  const toggle = (c: Channel, on: boolean) =>
    setChannels((current) =>
      on ? CHANNELS.filter((x) => x === c || current.includes(x)) : current.filter((x) => x !== c),
    );

  return (
    <form onSubmit={submit} className="grid max-w-xl gap-6" noValidate aria-label="Notification preferences">
      {saved ? (
        <Alert variant="success">
          <AlertDescription>Saved. The next digest follows these settings.</AlertDescription>
        </Alert>
      ) : null}
      {save.error && Object.keys(fieldErrors).length === 0 ? (
        <Alert variant="destructive">
          <AlertDescription>{save.error.message}</AlertDescription>
        </Alert>
      ) : null}
      <fieldset className="grid gap-3">
        <legend className="mb-1 font-medium">Channels</legend>
        {CHANNELS.map((c) => (
          <label key={c} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={channels.includes(c)}
              onChange={(e) => toggle(c, e.target.checked)}
              className="size-4 accent-primary"
            />
            {CHANNEL_LABEL[c]}
            {c === "email" ? <span className="text-muted-foreground">({initial.email})</span> : null}
          </label>
        ))}
        {fieldError(fieldErrors, "channels") ? (
          <p role="alert" className="text-sm font-medium text-destructive">
            {fieldError(fieldErrors, "channels")}
          </p>
        ) : null}
      </fieldset>
      {channels.includes("email") ? (
        <fieldset className="grid gap-3">
          <legend className="mb-1 font-medium">Recurring emails</legend>
          {RECURRING_MAIL_KINDS.map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={!optOuts.includes(k)}
                onChange={(e) =>
                  setOptOuts((current) => (e.target.checked ? current.filter((x) => x !== k) : [...current, k]))
                }
                className="size-4 accent-primary"
              />
              Email me {MAIL_KIND_LABEL[k]}s
            </label>
          ))}
          <p className="text-sm text-muted-foreground">
            The unsubscribe link in these emails turns the same switches off.
          </p>
        </fieldset>
      ) : null}
      <FormField
        id="pref-slack"
        label="Slack incoming-webhook URL"
        error={fieldErrors.slackWebhookUrl}
        required={channels.includes("slack")}
        description="From a Slack app's Incoming Webhooks page (https://hooks.slack.com/services/…)."
      >
        <Input
          name="slackWebhookUrl"
          type="url"
          inputMode="url"
          defaultValue={initial.slackWebhookUrl}
          autoComplete="off"
        />
      </FormField>
      {initial.slackWebhookUrl ? (
        <ChatHealth
          key={`slack-${save.submittedAt}`}
          channel="slack"
          initial={save.data ? save.data.slackBroken : (initial.slackBroken ?? null)}
        />
      ) : null}
      <FormField
        id="pref-teams"
        label="Microsoft Teams incoming-webhook URL"
        error={fieldErrors.teamsWebhookUrl}
        required={channels.includes("teams")}
        description="From a Teams channel's Workflows or Incoming Webhook connector."
      >
        <Input
          name="teamsWebhookUrl"
          type="url"
          inputMode="url"
          defaultValue={initial.teamsWebhookUrl}
          autoComplete="off"
        />
      </FormField>
      {initial.teamsWebhookUrl ? (
        <ChatHealth
          key={`teams-${save.submittedAt}`}
          channel="teams"
          initial={save.data ? save.data.teamsBroken : (initial.teamsBroken ?? null)}
        />
      ) : null}
      <fieldset className="grid gap-3">
        <legend className="mb-1 font-medium">Progress digest</legend>
        {DIGEST_FREQUENCIES.map((d) => (
          <label key={d} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="digest"
              value={d}
              defaultChecked={initial.digest === d}
              className="mt-0.5 size-4 accent-primary"
            />
            <span>
              <span className="font-medium">{DIGEST_TEXT[d].label}</span>{" "}
              <span className="text-muted-foreground">— {DIGEST_TEXT[d].description}</span>
            </span>
          </label>
        ))}
        {fieldErrors.digest ? (
          <p role="alert" className="text-sm font-medium text-destructive">
            {fieldErrors.digest}
          </p>
        ) : null}
      </fieldset>
      <p className="text-sm text-muted-foreground">{urgentNote}</p>
      <div>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save preferences"}
        </Button>
      </div>
    </form>
  );
}
