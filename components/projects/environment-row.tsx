"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Form,
  FormControl,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  FormRootError,
  setServerError,
} from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { ENVIRONMENT_STATUSES, ZUpdateEnvironmentSchema } from "@/lib/schemas/projects";
import { ENVIRONMENT_KIND_LABEL, ENVIRONMENT_STATUS_LABEL } from "@/lib/labels/environment";
import { useTRPC } from "@/trpc/client";
import type { ProjectView } from "./types";

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
  const form = useForm({
    resolver: zodResolver(ZUpdateEnvironmentSchema),
    defaultValues: { environmentId: env.id, status: env.status, url: env.url ?? "" } as z.input<
      typeof ZUpdateEnvironmentSchema
    >,
  });
  const save = useMutation(
    trpc.projects.updateEnvironment.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        router.refresh();
      },
      onError: (error) => setServerError(form, error),
    }),
  );
  const submit = form.handleSubmit((input) => save.mutate(input));
  const label = ENVIRONMENT_KIND_LABEL[env.kind];
  if (editing) {
    return (
      <li>
        <Form {...form}>
          <form className="grid gap-2 rounded-md border p-2" noValidate onSubmit={(e) => void submit(e)}>
            <span className="font-medium">{label}</span>
            <div className="flex flex-wrap gap-2">
              <FormField
                control={form.control}
                name="status"
                render={({ field }) => (
                  <FormItem className="gap-1">
                    <FormLabel className="text-xs font-normal">Status</FormLabel>
                    <FormControl>
                      <NativeSelect {...field} className="w-36">
                        {ENVIRONMENT_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {ENVIRONMENT_STATUS_LABEL[s]}
                          </option>
                        ))}
                      </NativeSelect>
                    </FormControl>
                    <FormMessage className="text-xs" />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="url"
                render={({ field }) => (
                  <FormItem className="flex-1 gap-1">
                    <FormLabel className="text-xs font-normal">URL</FormLabel>
                    <FormControl>
                      <Input {...field} value={field.value ?? ""} placeholder="https://staging.example.com" />
                    </FormControl>
                    <FormMessage className="text-xs" />
                  </FormItem>
                )}
              />
            </div>
            <FormRootError />
            <div className="flex gap-2">
              <Button type="submit" size="sm" disabled={save.isPending}>
                {save.isPending ? "Saving…" : "Save"}
              </Button>
              <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </div>
          </form>
        </Form>
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
