"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
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
import { ALERT_NOTE_MAX, ZResolveAlertSchema, type ResolveAlertInput } from "@/lib/schemas/alerts";
import { useTRPC } from "@/trpc/client";

/**
 * Marks one alert dealt with, with an optional note for the audit trail. Folded behind "Resolve…" so
 * the list stays short; an alert someone else resolved meanwhile answers with when, and the page reloads.
 */
export function ResolveAlert({ alertId, label }: { alertId: string; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(ZResolveAlertSchema),
    defaultValues: { alertId, note: "" } as ResolveAlertInput,
  });
  const resolve = useMutation(
    trpc.alerts.resolve.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => {
        setServerError(form, error);
        router.refresh();
      },
    }),
  );
  const submit = form.handleSubmit((input) => resolve.mutate({ alertId, note: input.note || undefined }));
  return (
    <details className="text-sm">
      <summary className="cursor-pointer select-none text-primary underline-offset-4 hover:underline">
        Resolve…<span className="sr-only"> {label}</span>
      </summary>
      <Form {...form}>
        <form noValidate aria-label={`Resolve ${label}`} className="mt-2 grid gap-2" onSubmit={(e) => void submit(e)}>
          <FormField
            control={form.control}
            name="note"
            render={({ field }) => (
              <FormItem>
                <FormLabel>What was done (optional)</FormLabel>
                <FormControl>
                  <Input
                    {...field}
                    value={field.value ?? ""}
                    maxLength={ALERT_NOTE_MAX}
                    placeholder="e.g. recovery plan agreed with the customer"
                  />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
          <FormRootError />
          <div>
            <Button size="sm" type="submit" disabled={resolve.isPending}>
              {resolve.isPending ? "Resolving…" : "Resolve alert"}
            </Button>
          </div>
        </form>
      </Form>
    </details>
  );
}
