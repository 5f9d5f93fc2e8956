"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import { CHANNEL_LABEL, type ChatBroken, type ChatChannel } from "@/lib/schemas/channel-prefs";
import { useTRPC } from "@/trpc/client";

/**
 * Whether Slack or Teams still accepts the person's messages, and a button to send a test: a channel
 * marked broken (docs/alerts.md#chat-channel-health) says since when and what it answered, until a new
 * URL is saved or a test gets through.
 */
export function ChatHealth({ channel, initial }: { channel: ChatChannel; initial: ChatBroken | null }) {
  const trpc = useTRPC();
  const label = CHANNEL_LABEL[channel];
  const test = useMutation(trpc.preferences.testChat.mutationOptions());
  const [broken, setBroken] = useState(initial);
  const current = test.data
    ? channel === "slack"
      ? test.data.prefs.slackBroken
      : test.data.prefs.teamsBroken
    : broken;
  return (
    <div className="grid gap-2">
      {current ? (
        <Alert variant="destructive">
          <AlertTitle>{label} is not receiving your notifications</AlertTitle>
          <AlertDescription>
            Since {formatDateTime(current.at)} it refuses Onward&apos;s messages ({current.error}). Save a new
            incoming-webhook URL, or send a test once it is fixed.
          </AlertDescription>
        </Alert>
      ) : null}
      <div className="flex items-center gap-3">
        <Button
          type="button"
          size="sm"
          variant="outline"
          disabled={test.isPending}
          onClick={() => {
            setBroken(current);
            test.mutate({ channel });
          }}
        >
          {test.isPending ? "Sending…" : `Send a test to ${label}`}
        </Button>
        <p role="status" className="text-sm text-muted-foreground">
          {test.data
            ? test.data.result === "sent"
              ? "Delivered."
              : `Not delivered: ${test.data.error ?? "no answer"}.`
            : null}
          {test.error ? <span className="text-destructive">{test.error.message}</span> : null}
        </p>
      </div>
    </div>
  );
}
