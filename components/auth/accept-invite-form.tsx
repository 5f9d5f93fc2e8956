"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { acceptInviteAction, type InviteState } from "@/app/(auth)/invite/[token]/actions";
import { Button } from "@/components/ui/button";
import { Form, FormRootError } from "@/components/ui/form";
import { TextField } from "@/components/ui/form-controls";
import { ZAcceptInviteSchema } from "@/lib/schemas/password";
import { PasswordStrengthHint } from "./password-strength-hint";
import { useActionSubmit } from "./use-action-submit";

/**
 * Choose a password for a one-time link: a staff invitation (default) or, with `action`, another link
 * that ends in a password under the same policy (ZAcceptInviteSchema) — the workspace sign-up's.
 */
export function AcceptInviteForm({
  token,
  action: submitAction = acceptInviteAction,
  submitLabel = "Set password",
  pendingLabel = "Saving…",
}: {
  token: string;
  action?: (prev: InviteState, form: FormData) => Promise<InviteState>;
  submitLabel?: string;
  pendingLabel?: string;
}) {
  const form = useForm({
    resolver: zodResolver(ZAcceptInviteSchema),
    defaultValues: { token, password: "", confirm: "" },
  });
  const { submit, pending } = useActionSubmit(form, submitAction);
  const password = useWatch({ control: form.control, name: "password" });
  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid gap-4" noValidate>
        <FormRootError />
        <TextField
          control={form.control}
          name="password"
          label="New password"
          description={<PasswordStrengthHint password={password} />}
          required
          type="password"
          autoComplete="new-password"
          autoFocus
        />
        <TextField
          control={form.control}
          name="confirm"
          label="Repeat the password"
          required
          type="password"
          autoComplete="new-password"
        />
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </form>
    </Form>
  );
}
