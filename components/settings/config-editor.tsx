"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useTRPC } from "@/trpc/client";
import { formatDate } from "@/lib/format";
import type { AppRouter } from "@/server/api/root";
import { conflictVersion, type ConfigKind } from "./config-draft";
import { DraftEditor, type ServerRefusal } from "./draft-editor";
import { fieldErrorsOf } from "@/lib/form-errors";

export type EditableConfig = inferRouterOutputs<AppRouter>["config"]["get"];

/**
 * One configuration kind: the current version (from the server render, kept fresh by react-query),
 * a structured form with a JSON view, and the version history. A save writes version n+1; the server
 * validates with the engine's schema and refuses a stale `expectedVersion` (someone saved meanwhile).
 */
export function ConfigEditor({
  kind,
  title,
  description,
  initial,
  canEdit,
}: {
  kind: ConfigKind;
  title: string;
  description: string;
  initial: EditableConfig;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // refetched only on purpose (after a save, on "Reload"): a background refetch finding a newer version
  // would remount the form and silently drop the admin's unsaved edits; the save's conflict check covers it
  const query = useQuery(
    trpc.config.get.queryOptions(
      { kind },
      { initialData: initial, refetchOnWindowFocus: false, refetchOnReconnect: false },
    ),
  );
  // a fresher server render (router refresh) wins over an older cached copy
  const config = query.data && query.data.version >= initial.version ? query.data : initial;
  const [saved, setSaved] = useState<number | null>(null);
  const [conflict, setConflict] = useState<{ version: number | null } | null>(null);
  const update = useMutation(
    trpc.config.update.mutationOptions({
      onSuccess: async (res) => {
        setSaved(res.version);
        // stays "saving" until the new version is loaded, so the form never shows the old one as current
        await queryClient.invalidateQueries(trpc.config.get.queryFilter({ kind }));
      },
      onError: (error) => {
        if (error.data?.code === "CONFLICT") setConflict({ version: conflictVersion(error.message) });
      },
    }),
  );

  function save(data: unknown) {
    setSaved(null);
    setConflict(null);
    update.mutate({ kind, data, expectedVersion: config.version });
  }

  async function reload() {
    setSaved(null);
    await query.refetch();
    setConflict(null);
    update.reset();
  }

  const refusal: ServerRefusal | null =
    update.error && update.error.data?.code !== "CONFLICT"
      ? {
          message: update.error.message,
          fieldErrors: fieldErrorsOf(update.error),
          data: update.variables?.data,
        }
      : null;

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_18rem]">
      <Card>
        <CardHeader>
          <CardTitle as="h2">{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {query.isError ? (
            <Alert variant="destructive">
              <AlertDescription>
                <p>Could not load the latest configuration: {query.error.message}</p>
                <Button size="sm" variant="outline" onClick={() => void query.refetch()} disabled={query.isFetching}>
                  {query.isFetching ? "Trying again…" : "Try again"}
                </Button>
              </AlertDescription>
            </Alert>
          ) : null}
          <DraftEditor
            key={`${kind}-${config.version}`}
            kind={kind}
            version={config.version}
            data={config.data}
            defaults={config.defaults}
            canEdit={canEdit}
            saving={update.isPending}
            onSave={save}
            saved={saved}
            refusal={refusal}
            conflict={conflict}
            onReload={() => void reload()}
            reloading={query.isFetching && !update.isPending}
          />
        </CardContent>
      </Card>
      <Card className="self-start">
        <CardHeader>
          <CardTitle as="h2">Versions</CardTitle>
        </CardHeader>
        <CardContent>
          <ol className="grid gap-2 text-sm" aria-label={`${title} versions, newest first`}>
            {config.versions.map((v) => (
              <li key={v.version} className="flex justify-between gap-2">
                <span className="font-medium">
                  v{v.version}
                  {v.version === config.version ? (
                    <span className="ml-1 font-normal text-muted-foreground">(current)</span>
                  ) : null}
                </span>
                <span className="text-right text-muted-foreground">
                  {v.createdBy?.name ?? "defaults"} · {formatDate(v.createdAt)}
                </span>
              </li>
            ))}
          </ol>
        </CardContent>
      </Card>
    </div>
  );
}
