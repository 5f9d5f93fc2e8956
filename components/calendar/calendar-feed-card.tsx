"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";

type FeedState = { active: boolean; createdAt: Date | null };

/**
 * One's private calendar feed (docs/calendar.md#feed): create an address, see it once, revoke it. Only
 * a hash of the token is kept, so the address cannot be shown again; a new one replaces the old one.
 */
export function CalendarFeedCard({ initial, what }: { initial: FeedState; what: string }) {
  const trpc = useTRPC();
  const [state, setState] = useState<FeedState>(initial);
  const [urls, setUrls] = useState<{ webcalUrl: string; httpsUrl: string } | null>(null);
  const create = useMutation(
    trpc.calendar.createFeed.mutationOptions({
      onSuccess: (res) => {
        setState({ active: res.active, createdAt: res.createdAt });
        setUrls({ webcalUrl: res.webcalUrl, httpsUrl: res.httpsUrl });
      },
    }),
  );
  const revoke = useMutation(
    trpc.calendar.revokeFeed.mutationOptions({
      onSuccess: (res) => {
        setState(res);
        setUrls(null);
      },
    }),
  );
  const error = create.error ?? revoke.error;
  return (
    <Card id="calendar-feed">
      <CardHeader>
        <CardTitle as="h2">Calendar feed</CardTitle>
        <CardDescription>
          A private address your calendar app subscribes to: {what}. Anyone with the address can read it, so keep it to
          yourself and revoke it if it leaks.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {error ? (
          <Alert variant="destructive">
            <AlertDescription>{error.message}</AlertDescription>
          </Alert>
        ) : null}
        {urls ? (
          <div className="grid gap-2">
            <label htmlFor="calendar-feed-url" className="text-sm font-medium">
              Your feed address (shown once: copy it now)
            </label>
            <Input id="calendar-feed-url" readOnly value={urls.webcalUrl} onFocus={(e) => e.currentTarget.select()} />
            <p className="text-sm text-muted-foreground">
              Calendar apps that do not open webcal links take the same address with https:{" "}
              <span className="break-all">{urls.httpsUrl}</span>
            </p>
          </div>
        ) : (
          <p className="text-sm">
            {state.active && state.createdAt
              ? `A feed address is active since ${formatDate(state.createdAt)}.`
              : "You have no feed address."}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button type="button" onClick={() => create.mutate()} disabled={create.isPending}>
            {state.active ? "Replace the address" : "Create a feed address"}
          </Button>
          {state.active ? (
            <Button type="button" variant="secondary" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
              Revoke
            </Button>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
