"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/lib/trpc/client";
import type { CONFIG_KIND_VALUES } from "@/lib/schemas/config";

type Kind = (typeof CONFIG_KIND_VALUES)[number];

/**
 * Edits one configuration kind as JSON. The server validates with the engine's schema (weights
 * add up to 1, ranges ordered…) and refuses with the reason; a save writes a new version.
 */
export function ConfigEditor({ kind, version, data, defaults, canEdit }: { kind: Kind; version: number; data: unknown; defaults: unknown; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [text, setText] = useState(() => JSON.stringify(data, null, 2));
  const [localError, setLocalError] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const update = useMutation(
    trpc.config.update.mutationOptions({
      onSuccess: (res) => {
        setSaved(res.version);
        router.refresh();
      },
    }),
  );

  function save() {
    setSaved(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      setLocalError(`Not valid JSON: ${(error as Error).message}`);
      return;
    }
    setLocalError(null);
    update.mutate({ kind, data: parsed, expectedVersion: version });
  }

  const id = `config-${kind}`;
  return (
    <div className="grid gap-3">
      {saved ? <Alert variant="success"><AlertDescription>Saved as version {saved}. New scores use it; stored scores keep theirs.</AlertDescription></Alert> : null}
      {localError || update.error ? (
        <Alert variant="destructive"><AlertDescription>{localError ?? update.error?.message}</AlertDescription></Alert>
      ) : null}
      <label htmlFor={id} className="text-sm font-medium">Version {version} ({kind})</label>
      <Textarea id={id} value={text} onChange={(e) => setText(e.target.value)} readOnly={!canEdit} spellCheck={false} className="min-h-80 font-mono text-xs" />
      {canEdit ? (
        <div className="flex flex-wrap gap-2">
          <Button type="button" onClick={save} disabled={update.isPending}>{update.isPending ? "Saving…" : "Save as new version"}</Button>
          <Button type="button" variant="outline" onClick={() => setText(JSON.stringify(defaults, null, 2))}>Load the seed&apos;s defaults</Button>
          <Button type="button" variant="ghost" onClick={() => setText(JSON.stringify(data, null, 2))}>Discard changes</Button>
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">Only admins can change scoring configuration.</p>
      )}
    </div>
  );
}
