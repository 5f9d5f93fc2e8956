import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { isDevMailEnabled, isLoopbackRequest } from "@/lib/demo";
import { ZEmailSchema } from "@/lib/schemas/common";
import { formatDate } from "@/lib/format";
import { currentUser } from "@/server/auth/current-user";
import { can } from "@/domain/access/permissions";
import { db } from "@/server/db/client";
import { listEmailsTo, listTenantEmails } from "@/server/db/outbox";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Dev mail" };

/**
 * Demo and `next dev` only, and only to a browser on this machine (404 otherwise, docs/security.md#demo-mode):
 * without an email provider, outgoing email stays in the outbox and is read here. Signed-in staff see
 * their tenant's mail; anyone local may open one address's inbox, which is how a demo customer reads
 * their magic link. Invitations are never shown.
 */
export default async function DevMailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!isDevMailEnabled() || !isLoopbackRequest(await headers())) notFound();
  const params = await searchParams;
  const to = ZEmailSchema.safeParse(params.to);
  const user = await currentUser();
  const staff = user && can(user.role, "devmail:read");
  const mails = to.success
    ? await listEmailsTo(db(), to.data, 20)
    : staff
      ? await listTenantEmails(db(), user.tenantId, 50)
      : [];
  return (
    <main className="mx-auto grid max-w-3xl gap-6 p-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Dev mail viewer</h1>
        <Link className="text-sm text-primary underline" href="/">
          Back to Onward
        </Link>
      </div>
      <p className="text-sm text-muted-foreground">
        No email provider is configured, so messages stay in Onward&apos;s outbox. This page exists only in the demo.
      </p>
      <form className="flex gap-2" aria-label="Open an inbox">
        <label htmlFor="to" className="sr-only">
          Email address
        </label>
        <Input id="to" name="to" type="email" placeholder="po@acme.test" defaultValue={to.success ? to.data : ""} />
        <Button type="submit">Open inbox</Button>
      </form>
      {mails.length === 0 ? (
        <EmptyState
          title="No messages"
          description={to.success ? `Nothing has been sent to ${to.data} yet.` : "Enter an address to read its mail."}
        />
      ) : (
        mails.map((m) => (
          <Card key={m.id} data-testid="mail">
            <CardHeader>
              <CardTitle as="h2" className="text-base">
                {m.subject}
              </CardTitle>
              <p className="text-xs text-muted-foreground">
                to {m.recipient} · {formatDate(m.createdAt)} · <Badge variant="outline">{m.status.toLowerCase()}</Badge>
              </p>
            </CardHeader>
            <CardContent>
              <pre className="font-sans text-sm break-words whitespace-pre-wrap">
                {m.bodyText.split(/(https?:\/\/\S+)/g).map((part, i) =>
                  /^https?:\/\//.test(part) ? (
                    <a key={i} className="text-primary underline" href={part}>
                      {part}
                    </a>
                  ) : (
                    part
                  ),
                )}
              </pre>
            </CardContent>
          </Card>
        ))
      )}
    </main>
  );
}
