"use client";

import { useActionState } from "react";
import { acceptInviteAction, type InviteState } from "@/app/(auth)/invite/[token]/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

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
  const [state, action, pending] = useActionState<InviteState, FormData>(submitAction, {});
  return (
    <form action={action} className="grid gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {state.error ? (
        <Alert variant="destructive">
          <AlertDescription>{state.error}</AlertDescription>
        </Alert>
      ) : null}
      <FormField
        id="password"
        label="New password"
        description="At least 10 characters."
        error={state.fieldErrors?.password}
        required
      >
        <Input name="password" type="password" autoComplete="new-password" autoFocus />
      </FormField>
      <FormField id="confirm" label="Repeat the password" error={state.fieldErrors?.confirm} required>
        <Input name="confirm" type="password" autoComplete="new-password" />
      </FormField>
      <Button type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
