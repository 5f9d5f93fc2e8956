"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { MarkdownText } from "@/components/ui/markdown";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useTRPC } from "@/trpc/client";
import { formatDate, formatDateTime } from "@/lib/format";
import { readError } from "@/lib/form-errors";

type Item = {
  id: string;
  status: string;
  scheduledAt: Date;
  completedAt: Date | null;
  /** a video session's time and join link (docs/calendar.md#events), when scheduled */
  sessionAt?: Date | null;
  joinUrl?: string | null;
  item: { title: string; kind: string; durationMinutes: number; body: string };
};

/** One education item in the portal: the content (markdown, no raw HTML) and "mark as read". */
export function EducationItem({ entry }: { entry: Item }) {
  const trpc = useTRPC();
  const router = useRouter();
  const done = useMutation(trpc.portal.completeEducation.mutationOptions({ onSuccess: () => router.refresh() }));
  const completed = entry.status === "COMPLETED";
  const headingId = `edu-${entry.id}`;
  return (
    <Card aria-labelledby={headingId}>
      <CardHeader>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <CardTitle as="h2" id={headingId}>
            {entry.item.title}
          </CardTitle>
          {completed ? (
            <Badge variant="success">Read {entry.completedAt ? formatDate(entry.completedAt) : ""}</Badge>
          ) : (
            <Badge variant="outline">{entry.item.durationMinutes} min</Badge>
          )}
        </div>
        <CardDescription>
          {entry.status === "SCHEDULED"
            ? `Arrives in your inbox ${formatDate(entry.scheduledAt)}; you can read it now.`
            : `Sent ${formatDate(entry.scheduledAt)}.`}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {entry.sessionAt && entry.joinUrl ? (
          <p className="text-sm">
            Live video session on {formatDateTime(entry.sessionAt)}:{" "}
            <a className="underline" href={entry.joinUrl} rel="noopener noreferrer" target="_blank">
              join the call
            </a>
            . The invite is in your email.
          </p>
        ) : null}
        <MarkdownText text={entry.item.body} />
        {done.error ? (
          <Alert variant="destructive">
            <AlertDescription>{readError(done.error)?.message}</AlertDescription>
          </Alert>
        ) : null}
        {!completed ? (
          <div>
            <Button onClick={() => done.mutate({ deliveryId: entry.id })} disabled={done.isPending}>
              {done.isPending ? "Saving…" : "Mark as read"}
              <span className="sr-only"> ({entry.item.title})</span>
            </Button>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
