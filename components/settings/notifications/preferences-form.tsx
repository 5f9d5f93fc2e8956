"use client";

import { useMutation } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form, FormField, FormItem, FormMessage, FormRootError, setServerError } from "@/components/ui/form";
import { TextField } from "@/components/ui/form-controls";
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

/** The chat channels' webhook fields, each with the health of the link saved before. */
const CHAT_FIELDS = [
  {
    channel: "slack",
    name: "slackWebhookUrl",
    broken: "slackBroken",
    label: "Slack incoming-webhook URL",
    description: "From a Slack app's Incoming Webhooks page (https://hooks.slack.com/services/…).",
  },
  {
    channel: "teams",
    name: "teamsWebhookUrl",
    broken: "teamsBroken",
    label: "Microsoft Teams incoming-webhook URL",
    description: "From a Teams channel's Workflows or Incoming Webhook connector.",
  },
] as const;

/** A person's channels and digest frequency; the same schema as the server checks it before sending. */
export function PreferencesForm({ initial, urgentNote }: { initial: Prefs; urgentNote: string }) {
  const trpc = useTRPC();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    resolver: zodResolver(ZUpdateChannelPrefsSchema),
    defaultValues: {
      channels: initial.channels,
      digest: initial.digest,
      emailOptOuts: initial.emailOptOuts,
      slackWebhookUrl: initial.slackWebhookUrl,
      teamsWebhookUrl: initial.teamsWebhookUrl,
    },
  });
  const channels = useWatch({ control: form.control, name: "channels" });
  const save = useMutation(
    trpc.preferences.updateChannels.mutationOptions({
      onSuccess: (prefs) => {
        form.setValue("channels", prefs.channels);
        form.setValue("emailOptOuts", prefs.emailOptOuts);
        setSaved(true);
      },
      onError: (error) => setServerError(form, error),
    }),
  );

  const submit = form.handleSubmit((input) => {
    setSaved(false);
    save.mutate(input);
  });

  return (
    <Form {...form}>
      <form
        onSubmit={(event) => void submit(event)}
        className="grid max-w-xl gap-6"
        noValidate
        aria-label="Notification preferences"
      >
        {saved ? (
          <Alert variant="success">
            <AlertDescription>Saved. The next digest follows these settings.</AlertDescription>
          </Alert>
        ) : null}
        <FormRootError />
        <FormField
          control={form.control}
          name="channels"
          render={({ field }) => (
            <FormItem className="contents">
              <fieldset className="grid gap-3">
                <legend className="mb-1 font-medium">Channels</legend>
                {CHANNELS.map((c) => (
                  <label key={c} className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={field.value.includes(c)}
                      onChange={(e) =>
                        field.onChange(
                          e.target.checked
                            ? CHANNELS.filter((x) => x === c || field.value.includes(x))
                            : field.value.filter((x) => x !== c),
                        )
                      }
                      className="size-4 accent-primary"
                    />
                    {CHANNEL_LABEL[c]}
                    {c === "email" ? <span className="text-muted-foreground">({initial.email})</span> : null}
                  </label>
                ))}
                <FormMessage />
              </fieldset>
            </FormItem>
          )}
        />
        {channels.includes("email") ? (
          <FormField
            control={form.control}
            name="emailOptOuts"
            render={({ field }) => {
              const optOuts = field.value ?? [];
              return (
                <FormItem className="contents">
                  <fieldset className="grid gap-3">
                    <legend className="mb-1 font-medium">Recurring emails</legend>
                    {RECURRING_MAIL_KINDS.map((k) => (
                      <label key={k} className="flex items-center gap-2 text-sm">
                        <input
                          type="checkbox"
                          checked={!optOuts.includes(k)}
                          onChange={(e) =>
                            field.onChange(e.target.checked ? optOuts.filter((x) => x !== k) : [...optOuts, k])
                          }
                          className="size-4 accent-primary"
                        />
                        Email me {MAIL_KIND_LABEL[k]}s
                      </label>
                    ))}
                    <p className="text-sm text-muted-foreground">
                      The unsubscribe link in these emails turns the same switches off.
                    </p>
                    <FormMessage />
                  </fieldset>
                </FormItem>
              );
            }}
          />
        ) : null}
        {CHAT_FIELDS.map((chat) => (
          <Fragment key={chat.channel}>
            <TextField
              control={form.control}
              name={chat.name}
              label={chat.label}
              required={channels.includes(chat.channel)}
              description={chat.description}
              type="url"
              inputMode="url"
              autoComplete="off"
            />
            {initial[chat.name] ? (
              <ChatHealth
                key={`${chat.channel}-${save.submittedAt}`}
                channel={chat.channel}
                initial={save.data ? save.data[chat.broken] : (initial[chat.broken] ?? null)}
              />
            ) : null}
          </Fragment>
        ))}
        <FormField
          control={form.control}
          name="digest"
          render={({ field }) => (
            <FormItem className="contents">
              <fieldset className="grid gap-3">
                <legend className="mb-1 font-medium">Progress digest</legend>
                {DIGEST_FREQUENCIES.map((d) => (
                  <label key={d} className="flex items-start gap-2 text-sm">
                    <input
                      type="radio"
                      name={field.name}
                      value={d}
                      checked={field.value === d}
                      onChange={() => field.onChange(d)}
                      onBlur={field.onBlur}
                      className="mt-0.5 size-4 accent-primary"
                    />
                    <span>
                      <span className="font-medium">{DIGEST_TEXT[d].label}</span>{" "}
                      <span className="text-muted-foreground">— {DIGEST_TEXT[d].description}</span>
                    </span>
                  </label>
                ))}
                <FormMessage />
              </fieldset>
            </FormItem>
          )}
        />
        <p className="text-sm text-muted-foreground">{urgentNote}</p>
        <div>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save preferences"}
          </Button>
        </div>
      </form>
    </Form>
  );
}
