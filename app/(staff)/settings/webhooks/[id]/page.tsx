import type { Metadata } from "next";
import Link from "next/link";
import { EndpointActions } from "@/components/settings/webhooks/endpoint-actions";
import { EndpointEventsForm, RotateSecretButton } from "@/components/settings/webhooks/endpoint-settings";
import { RedeliverButton } from "@/components/settings/webhooks/redeliver-button";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { api } from "@/trpc/server";
import { formatDateTime } from "@/lib/format";
import { webhookEventTitle } from "@/lib/schemas/webhooks";
import { requirePermission } from "@/server/auth/guard";
import { orNotFound } from "@/trpc/or-not-found";

export const metadata: Metadata = { title: "Webhook deliveries" };

const PAGE_SIZE = 25;
const OUTCOME: Record<string, { label: string; variant: "success" | "destructive" | "warning" | "secondary" }> = {
  SENT: { label: "delivered", variant: "success" },
  FAILED: { label: "retrying", variant: "warning" },
  DEAD: { label: "given up", variant: "destructive" },
  PENDING: { label: "queued", variant: "secondary" },
  SENDING: { label: "sending", variant: "secondary" },
};

/** One endpoint's delivery log: every attempt with its status code, duration and error; redeliver any message. */
export default async function WebhookDeliveriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission("webhooks:manage");
  const { id } = await params;
  const query = await searchParams;
  const page = Math.max(
    1,
    Math.min(10_000, Number.parseInt(typeof query.page === "string" ? query.page : "1", 10) || 1),
  );
  const trpc = await api();
  const [endpoint, log] = await orNotFound(
    Promise.all([
      trpc.webhooks.get({ endpointId: id }),
      trpc.webhooks.deliveries({ endpointId: id, page, pageSize: PAGE_SIZE }),
    ]),
  );
  const pages = Math.max(1, Math.ceil(log.total / PAGE_SIZE));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/settings/webhooks" className="text-primary underline-offset-4 hover:underline">
          ← All endpoints
        </Link>
      </p>
      <PageHeader
        title="Delivery log"
        description={endpoint.url}
        actions={
          <EndpointActions
            endpointId={endpoint.id}
            url={endpoint.url}
            active={endpoint.active}
            afterDelete="/settings/webhooks"
          />
        }
      />
      <p className="mb-4 flex flex-wrap gap-1 text-sm">
        <Badge variant={endpoint.active ? "success" : "secondary"}>{endpoint.active ? "active" : "disabled"}</Badge>
        {endpoint.events.length === 0 ? <Badge variant="outline">Every event</Badge> : null}
        {endpoint.events.map((ev) => (
          <Badge key={ev} variant="outline">
            {webhookEventTitle(ev)}
          </Badge>
        ))}
        <span className="ml-2 font-mono text-xs text-muted-foreground">secret {endpoint.secretHint}</span>
        {endpoint.previousSecretValidUntil ? (
          <span className="ml-2 text-xs text-muted-foreground">
            the previous secret also signs until {formatDateTime(endpoint.previousSecretValidUntil)}
          </span>
        ) : null}
      </p>
      {!endpoint.active && endpoint.disabledAt ? (
        <Alert variant="destructive" className="mb-4">
          <AlertTitle>Disabled on {formatDateTime(endpoint.disabledAt)}</AlertTitle>
          <AlertDescription>
            {endpoint.disabledReason ?? "No events are sent to it."} Fix the receiver, then choose Re-enable: Onward
            sends a test event and enables the endpoint if it is delivered.
          </AlertDescription>
        </Alert>
      ) : null}
      {endpoint.active && endpoint.failingSince ? (
        <Alert className="mb-4">
          <AlertDescription>
            Every delivery has failed since {formatDateTime(endpoint.failingSince)}. After 5 days of failures Onward
            disables the endpoint and tells the workspace&apos;s admins.
          </AlertDescription>
        </Alert>
      ) : null}
      <div className="mb-4 grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle as="h2">Events</CardTitle>
          </CardHeader>
          <CardContent>
            <EndpointEventsForm endpointId={endpoint.id} events={endpoint.events} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2">Signing secret</CardTitle>
          </CardHeader>
          <CardContent>
            <RotateSecretButton endpointId={endpoint.id} url={endpoint.url} />
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle as="h2">Attempts ({log.total})</CardTitle>
        </CardHeader>
        <CardContent>
          {log.rows.length === 0 ? (
            <EmptyState
              title="Nothing sent yet"
              description="Send a test event, or wait for the next subscribed event."
            />
          ) : (
            <Table>
              <TableCaption className="sr-only">Delivery attempts to {endpoint.url}, newest first</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>When</TableHead>
                  <TableHead>Event</TableHead>
                  <TableHead>Response</TableHead>
                  <TableHead>Duration</TableHead>
                  <TableHead>Attempt</TableHead>
                  <TableHead>Message</TableHead>
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {log.rows.map((d) => (
                  <TableRow key={d.id} data-testid="delivery-row">
                    <TableCell>{formatDateTime(d.createdAt)}</TableCell>
                    <TableCell className="text-xs">{webhookEventTitle(d.event)}</TableCell>
                    <TableCell className="max-w-xs whitespace-normal">
                      <Badge variant={d.statusCode !== null && d.statusCode < 300 ? "success" : "destructive"}>
                        {d.statusCode !== null ? `HTTP ${d.statusCode}` : "no answer"}
                      </Badge>
                      {d.error ? (
                        <span className="mt-1 block text-xs break-words text-muted-foreground">{d.error}</span>
                      ) : null}
                    </TableCell>
                    <TableCell>{d.durationMs !== null ? `${d.durationMs} ms` : "—"}</TableCell>
                    <TableCell>{d.attempt}</TableCell>
                    <TableCell>
                      {d.outboxMessage ? (
                        <>
                          <Badge variant={OUTCOME[d.outboxMessage.status]?.variant ?? "secondary"}>
                            {OUTCOME[d.outboxMessage.status]?.label ?? d.outboxMessage.status}
                          </Badge>
                          {d.outboxMessage.status === "FAILED" ? (
                            <span className="block text-xs text-muted-foreground">
                              next try {formatDateTime(d.outboxMessage.nextAttemptAt)}
                            </span>
                          ) : null}
                        </>
                      ) : (
                        "—"
                      )}
                    </TableCell>
                    <TableCell className="text-right">
                      {d.outboxMessage ? (
                        <RedeliverButton deliveryId={d.id} event={webhookEventTitle(d.event)} />
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Pagination page={page} pages={pages} href={(p) => `/settings/webhooks/${endpoint.id}?page=${p}`} />
        </CardContent>
      </Card>
    </>
  );
}
