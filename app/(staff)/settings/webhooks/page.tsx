import type { Metadata } from "next";
import Link from "next/link";
import { EndpointActions } from "@/components/settings/webhooks/endpoint-actions";
import { NewEndpointForm } from "@/components/settings/webhooks/new-endpoint-form";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { api } from "@/trpc/server";
import { formatDateTime } from "@/lib/format";
import { webhookEventTitle } from "@/lib/schemas/webhooks";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Webhooks" };

/** The tenant's signed webhook endpoints: add one, test it, open its delivery log. */
export default async function WebhooksPage() {
  await requirePermission("webhooks:manage");
  const endpoints = await (await api()).webhooks.list();
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Onward POSTs signed JSON (Standard Webhooks: HMAC-SHA256 over id, timestamp and body) to your endpoints when things happen. Failed deliveries are retried with backoff."
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader>
            <CardTitle as="h2">Endpoints ({endpoints.length})</CardTitle>
          </CardHeader>
          <CardContent>
            {endpoints.length === 0 ? (
              <EmptyState
                title="No endpoints yet"
                description="Add one to receive alerts, overdue milestones and daily progress updates in your own systems."
              />
            ) : (
              <Table>
                <TableCaption className="sr-only">Webhook endpoints</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHead>Endpoint</TableHead>
                    <TableHead>Last delivery</TableHead>
                    <TableHead>
                      <span className="sr-only">Actions</span>
                    </TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {endpoints.map((e) => (
                    <TableRow key={e.id}>
                      <TableCell className="max-w-sm whitespace-normal">
                        <Link
                          href={`/settings/webhooks/${e.id}`}
                          className="font-medium break-all text-primary underline-offset-4 hover:underline"
                        >
                          {e.url}
                        </Link>
                        <span className="mt-1 flex flex-wrap gap-1">
                          <Badge variant={e.active ? "success" : "secondary"}>{e.active ? "active" : "disabled"}</Badge>
                          {e.events.length === 0 ? <Badge variant="outline">Every event</Badge> : null}
                          {e.events.map((ev) => (
                            <Badge key={ev} variant="outline">
                              {webhookEventTitle(ev)}
                            </Badge>
                          ))}
                        </span>
                        <span className="mt-1 block font-mono text-xs text-muted-foreground">
                          secret {e.secretHint}
                        </span>
                      </TableCell>
                      <TableCell className="text-sm">
                        {e.lastDelivery ? (
                          <>
                            <Badge
                              variant={
                                e.lastDelivery.statusCode !== null && e.lastDelivery.statusCode < 300
                                  ? "success"
                                  : "destructive"
                              }
                            >
                              {e.lastDelivery.statusCode ?? "no answer"}
                            </Badge>
                            <span className="block text-xs text-muted-foreground">
                              {formatDateTime(e.lastDelivery.createdAt)} · {e.deliveries} in all
                            </span>
                          </>
                        ) : (
                          <span className="text-muted-foreground">none yet</span>
                        )}
                      </TableCell>
                      <TableCell className="text-right">
                        <EndpointActions endpointId={e.id} url={e.url} active={e.active} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2">Add an endpoint</CardTitle>
            <CardDescription>
              Choose the events it receives, or none for every event. A test event can be sent to any endpoint at any
              time.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <NewEndpointForm />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
