"use client";

import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useTRPC } from "@/trpc/client";
import { formatDate } from "@/lib/format";
import type { AppRouter } from "@/server/api/root";
import { conflictVersion, type ConfigKind } from "./config-draft";
import { DraftEditor, type ServerRefusal } from "./draft-editor";
import { INPUT_KEY } from "@/lib/form-errors";
import { readError } from "@/lib/read-error";

export type EditableConfig = inferRouterOutputs<AppRouter>["config"]["get"];

/**
 * One configuration kind: the current version (from the server render),
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
  const router = useRouter();
  // the page loads the current version; after a save or "Reload" the page is rendered again, and a
  // newer version remounts the form (its key), so a background change never drops unsaved edits
  const config = initial;
  const [refreshing, startRefresh] = useTransition();
  const [saved, setSaved] = useState<number | null>(null);
  const [conflict, setConflict] = useState<{ version: number | null } | null>(null);
  const update = useMutation(
    trpc.config.update.mutationOptions({
      onSuccess: (res) => {
        setSaved(res.version);
        // stays "saving" until the new version is loaded, so the form never shows the old one as current
        startRefresh(() => router.refresh());
      },
      onError: (error) => {
        const view = readError(error);
        if (view?.code === "CONFLICT") setConflict({ version: conflictVersion(view.message) });
      },
    }),
  );

  function save(data: unknown, onRefused: (error: unknown) => void) {
    setSaved(null);
    setConflict(null);
    update.mutate(
      { kind, data, expectedVersion: config.version },
      // a conflict is shown with its Reload button; any other refusal goes to the form
      {
        onError: (error) => {
          if (readError(error)?.code !== "CONFLICT") onRefused(error);
        },
      },
    );
  }

  function reload() {
    setSaved(null);
    setConflict(null);
    update.reset();
    startRefresh(() => router.refresh());
  }

  const error = readError(update.error);
  // a refusal about fields: they show their messages, this says why the version was refused as a whole
  const refusal: ServerRefusal | null =
    error && error.code !== "CONFLICT" && Object.keys(error.fieldErrors).some((key) => key !== INPUT_KEY)
      ? { message: error.message }
      : null;

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_18rem]">
      <Card>
        <CardHeader>
          <CardTitle as="h2">{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <DraftEditor
            key={`${kind}-${config.version}`}
            kind={kind}
            version={config.version}
            data={config.data}
            defaults={config.defaults}
            canEdit={canEdit}
            saving={update.isPending || (refreshing && saved !== null)}
            onSave={save}
            saved={saved}
            refusal={refusal}
            conflict={conflict}
            onReload={reload}
            reloading={refreshing && saved === null}
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
