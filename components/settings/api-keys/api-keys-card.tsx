"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { NewToken } from "@/components/projects/api-tokens-card";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Form,
  FormField,
  FormItem,
  FormMessage,
  FormRootError,
  setServerError,
  useFormField,
} from "@/components/ui/form";
import { TextField } from "@/components/ui/form-controls";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";
import { formatDateTime } from "@/lib/format";
import { readError } from "@/lib/form-errors";
import { API_KEY_SCOPE_LABEL } from "@/lib/labels/api-key-scope";
import { API_KEY_SCOPES, DEFAULT_API_KEY_SCOPES, ZCreateApiKeySchema, type ApiKeyScope } from "@/lib/schemas/api-keys";

/** Workspace API keys for the REST API (docs/api.md): create with chosen permissions (shown once), list, revoke. */
export function ApiKeysCard({ keys }: { keys: RouterOutputs["apiKeys"]["list"] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = () => router.refresh();
  const [fresh, setFresh] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(ZCreateApiKeySchema),
    defaultValues: { name: "", scopes: DEFAULT_API_KEY_SCOPES },
  });
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: (data) => {
        setFresh(data.token);
        form.reset();
        void refresh();
      },
      onError: (error) => setServerError(form, error),
    }),
  );
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: () => void refresh() }));
  const revokeError = readError(revoke.error);
  const submit = form.handleSubmit((input) => create.mutate(input));
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">API keys</CardTitle>
        <CardDescription>
          For integrations such as a CRM sync: they send <code>Authorization: Bearer &lt;key&gt;</code> and may do only
          what the key&apos;s permissions allow. Calls act as the admin who created the key. See the{" "}
          <a className="underline" href="/docs/api">
            API reference
          </a>
          .
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {fresh ? <NewToken token={fresh} onDismiss={() => setFresh(null)} /> : null}
        <Form {...form}>
          <form className="flex flex-wrap items-end gap-3" noValidate onSubmit={(event) => void submit(event)}>
            <TextField control={form.control} name="name" label="Key name" placeholder="CRM sync" className="w-64" />
            <FormField
              control={form.control}
              name="scopes"
              render={({ field }) => (
                <FormItem>
                  <ScopeChecks value={field.value ?? []} onChange={field.onChange} />
                </FormItem>
              )}
            />
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create key"}
            </Button>
          </form>
          <FormRootError />
        </Form>
        {revokeError ? (
          <Alert variant="destructive">
            <AlertDescription>{revokeError.message}</AlertDescription>
          </Alert>
        ) : null}
        {keys.length === 0 ? (
          <EmptyState
            title="No API keys"
            description="Create one for each system that calls the API, with only the permissions it needs."
            headingAs="h3"
          />
        ) : (
          <Table aria-label="API keys">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Key</TableHead>
                <TableHead>Permissions</TableHead>
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
                    <ul className="text-sm">
                      {k.scopes.map((scope) => (
                        <li key={scope}>{API_KEY_SCOPE_LABEL[scope as ApiKeyScope] ?? "Other"}</li>
                      ))}
                    </ul>
                  </TableCell>
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

/** The permission checkboxes of a new key, as one field holding the chosen scopes. */
function ScopeChecks({ value, onChange }: { value: ApiKeyScope[]; onChange: (scopes: ApiKeyScope[]) => void }) {
  const { error, messageId } = useFormField();
  return (
    <fieldset className="grid gap-1" aria-describedby={error ? messageId : undefined}>
      <legend className="text-sm font-medium">Permissions</legend>
      {API_KEY_SCOPES.map((scope) => (
        <label key={scope} className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4"
            checked={value.includes(scope)}
            onChange={(e) => onChange(e.target.checked ? [...value, scope] : value.filter((s) => s !== scope))}
          />
          {API_KEY_SCOPE_LABEL[scope]}
        </label>
      ))}
      <FormMessage />
    </fieldset>
  );
}
