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
export function useActionSubmit<
  TValues extends FieldValues,
  TContext,
  TOut extends Record<string, string | boolean>,
  TRefusal extends ActionRefusal = ActionRefusal,
>(
  form: UseFormReturn<TValues, TContext, TOut>,
  action: (prev: TRefusal, data: FormData) => Promise<TRefusal>,
  /** what the caller adds to the form's values, and sees of every answer (the sign-in's code step) */
  options: { extra?: () => Record<string, string>; onAnswer?: (answer: TRefusal) => void } = {},
) {
  const [pending, startTransition] = useTransition();
  const submit = form.handleSubmit((values) => {
    const data = new FormData();
    for (const [key, value] of Object.entries({ ...options.extra?.(), ...values })) data.set(key, String(value));
    startTransition(async () => {
      const refusal = await action({} as TRefusal, data);
      options.onAnswer?.(refusal);
      if (refusal.message || refusal.fieldErrors) setServerError(form, refusal);
    });
  });
  return { submit: (event: React.FormEvent<HTMLFormElement>) => void submit(event), pending };
}
