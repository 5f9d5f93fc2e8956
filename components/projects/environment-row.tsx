"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { ENVIRONMENT_STATUSES } from "@/lib/schemas/projects";
import { ENVIRONMENT_KIND_LABEL, ENVIRONMENT_STATUS_LABEL } from "@/lib/labels/environment";
import { useTRPC } from "@/trpc/client";
import type { ProjectView } from "./types";
import { fieldErrorsOf } from "@/lib/form-errors";

const ENV_TONE: Record<string, "success" | "warning" | "destructive" | "outline"> = {
  READY: "success",
  PROVISIONING: "warning",
  FAILED: "destructive",
  PENDING: "outline",
};

/** One environment: its status and URL, editable by the technical lead. */
export function EnvironmentRow({ env, canWrite }: { env: ProjectView["environments"][number]; canWrite: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState(env.status);
  const [url, setUrl] = useState(env.url ?? "");
  const save = useMutation(
    trpc.projects.updateEnvironment.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        router.refresh();
      },
    }),
  );
  const error = fieldErrorsOf(save.error).url ?? save.error?.message;
  const label = ENVIRONMENT_KIND_LABEL[env.kind];
  if (editing) {
    return (
      <li>
        <form
          className="grid gap-2 rounded-md border p-2"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ environmentId: env.id, status, url: url.trim() === "" ? null : url.trim() });
          }}
        >
          <span className="font-medium">{label}</span>
          <div className="flex flex-wrap gap-2">
            <label className="grid gap-1 text-xs">
              Status
              <NativeSelect
                value={status}
                onChange={(e) => setStatus(e.target.value as typeof status)}
                className="w-36"
              >
                {ENVIRONMENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {ENVIRONMENT_STATUS_LABEL[s]}
                  </option>
                ))}
              </NativeSelect>
            </label>
            <label className="grid flex-1 gap-1 text-xs">
              URL
              <Input
                value={url}
                onChange={(e) => setUrl(e.target.value)}
                placeholder="https://staging.example.com"
                aria-invalid={error ? true : undefined}
              />
            </label>
          </div>
          {error ? <p className="text-xs text-destructive">{error}</p> : null}
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save"}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      </li>
    );
  }
  return (
    <li className="flex flex-wrap items-center justify-between gap-2">
      <span>{label}</span>
      <span className="flex min-w-0 items-center gap-2">
        {/* a long URL breaks anywhere rather than widen the page on a phone */}
        {env.url ? (
          <a className="min-w-0 break-all underline" href={env.url} rel="noreferrer" target="_blank">
            {env.url}
          </a>
        ) : (
          <span className="text-muted-foreground">no URL yet</span>
        )}
        <Badge variant={ENV_TONE[env.status] ?? "outline"}>{ENVIRONMENT_STATUS_LABEL[env.status]}</Badge>
        {canWrite ? (
          <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
            Edit<span className="sr-only"> {label} environment</span>
          </Button>
        ) : null}
      </span>
    </li>
  );
}
