"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { NewToken } from "@/components/projects/api-tokens-card";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";
import { formatDateTime } from "@/lib/format";
import { fieldErrorsOf } from "@/lib/form-errors";

/** Workspace API keys for the journey REST API: create (shown once), list, revoke. */
export function ApiKeysCard({ keys }: { keys: RouterOutputs["apiKeys"]["list"] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = () => router.refresh();
  const [name, setName] = useState("");
  const [fresh, setFresh] = useState<string | null>(null);
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: (data) => {
        setFresh(data.token);
        setName("");
        void refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: () => void refresh() }));
  const fieldError = fieldErrorsOf(create.error).name;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">API keys</CardTitle>
        <CardDescription>
          For integrations that start journeys and read their status:{" "}
          <code>POST /api/v1/customer-journey/initiate</code> and{" "}
          <code>GET /api/v1/customer-journey/&#123;id&#125;/status</code>, with{" "}
          <code>Authorization: Bearer &lt;key&gt;</code>. Calls act as the admin who created the key.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {fresh ? <NewToken token={fresh} onDismiss={() => setFresh(null)} /> : null}
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ name });
          }}
        >
          <FormField id="api-key-name" label="Key name" error={fieldError}>
            <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="CRM sync" className="w-64" />
          </FormField>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create key"}
          </Button>
        </form>
        {create.error && !fieldError ? (
          <Alert variant="destructive">
            <AlertDescription>{create.error.message}</AlertDescription>
          </Alert>
        ) : null}
        {revoke.error ? (
          <Alert variant="destructive">
            <AlertDescription>{revoke.error.message}</AlertDescription>
          </Alert>
        ) : null}
        {keys.length === 0 ? (
          <EmptyState
            title="No API keys"
            description="Create one for each system that calls the journey API."
            headingAs="h3"
          />
        ) : (
          <Table aria-label="API keys">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Key</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>Last used</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {keys.map((k) => (
                <TableRow key={k.id}>
                  <TableCell className="font-medium">{k.name}</TableCell>
                  <TableCell className="font-mono text-xs">{k.prefix}_…</TableCell>
                  <TableCell>
                    {formatDateTime(k.createdAt)}
                    {k.createdByName ? ` by ${k.createdByName}` : ""}
                  </TableCell>
                  <TableCell>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "never"}</TableCell>
                  <TableCell>
                    {k.revokedAt ? (
                      <Badge variant="outline">Revoked</Badge>
                    ) : (
                      <Button
                        size="sm"
                        variant="outline"
                        disabled={revoke.isPending}
                        onClick={() => {
                          if (window.confirm(`Revoke "${k.name}"? Systems using it stop working at once.`))
                            revoke.mutate({ tokenId: k.id });
                        }}
                      >
                        Revoke<span className="sr-only"> {k.name}</span>
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
