"use client";

import { useTransition } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { setServerError } from "@/components/ui/form";
import type { ActionRefusal } from "@/lib/schemas/auth";

/**
 * Sends a checked form to a sign-in Server Action (they stay Server Actions: Auth.js signs in there) and
 * puts its refusal into the form like a refused tRPC call's (docs/architecture.md#one-way-for-each-thing). A successful
 * action redirects, so there is nothing to do on success.
 */
export function useActionSubmit<TValues extends FieldValues, TContext, TOut extends Record<string, string>>(
  form: UseFormReturn<TValues, TContext, TOut>,
  action: (prev: ActionRefusal, data: FormData) => Promise<ActionRefusal>,
) {
  const [pending, startTransition] = useTransition();
  const submit = form.handleSubmit((values) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(values)) data.set(key, value);
    startTransition(async () => {
      const refusal = await action({}, data);
      if (refusal.message || refusal.fieldErrors) setServerError(form, refusal);
    });
  });
  return { submit: (event: React.FormEvent<HTMLFormElement>) => void submit(event), pending };
}
