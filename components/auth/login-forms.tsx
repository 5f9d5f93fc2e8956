"use client";

import { useActionState, useState } from "react";
import { KeyRound, Mail } from "lucide-react";
import { passwordSignIn, requestMagicLink, type LoginState } from "@/app/(auth)/login/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

type Mode = "team" | "customer";

export function LoginForms({ initialMode, initialEmail }: { initialMode: Mode; initialEmail?: string }) {
  const [mode, setMode] = useState<Mode>(initialMode);
  return (
    <div className="grid gap-5">
      <div role="tablist" aria-label="How do you sign in?" className="grid grid-cols-2 gap-1 rounded-lg bg-muted p-1">
        {(["team", "customer"] as const).map((m) => (
          <button
            key={m}
            role="tab"
            type="button"
            id={`tab-${m}`}
            aria-selected={mode === m}
            aria-controls={`panel-${m}`}
            onClick={() => setMode(m)}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
              mode === m ? "bg-background text-foreground shadow-sm" : "text-muted-foreground hover:text-foreground",
            )}
          >
            {m === "team" ? "Team member" : "Customer"}
          </button>
        ))}
      </div>
      {mode === "team" ? <PasswordForm /> : <MagicLinkForm initialEmail={initialEmail} />}
    </div>
  );
}

function PasswordForm() {
  const [state, action, pending] = useActionState<LoginState, FormData>(passwordSignIn, {});
  return (
    <form action={action} id="panel-team" role="tabpanel" aria-labelledby="tab-team" className="grid gap-4" noValidate>
      {state.error ? (
        <Alert variant="destructive">
          <AlertDescription>{state.error}</AlertDescription>
        </Alert>
      ) : null}
      <FormField id="email" label="Work email" error={state.fieldErrors?.email} required>
        <Input name="email" type="email" autoComplete="username" defaultValue={state.email} autoFocus />
      </FormField>
      <FormField id="password" label="Password" error={state.fieldErrors?.password} required>
        <Input name="password" type="password" autoComplete="current-password" />
      </FormField>
      <Button type="submit" disabled={pending}>
        <KeyRound aria-hidden /> {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

function MagicLinkForm({ initialEmail }: { initialEmail?: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(requestMagicLink, {});
  return (
    <form
      action={action}
      id="panel-customer"
      role="tabpanel"
      aria-labelledby="tab-customer"
      className="grid gap-4"
      noValidate
    >
      <p className="text-sm text-muted-foreground">
        No password needed: we email you a link that signs you in to your project portal.
      </p>
      {state.error ? (
        <Alert variant="destructive">
          <AlertDescription>{state.error}</AlertDescription>
        </Alert>
      ) : null}
      <FormField id="magic-email" label="Your email" error={state.fieldErrors?.email} required>
        <Input name="email" type="email" autoComplete="email" defaultValue={state.email ?? initialEmail} autoFocus />
      </FormField>
      <Button type="submit" disabled={pending}>
        <Mail aria-hidden /> {pending ? "Sending…" : "Email me a sign-in link"}
      </Button>
    </form>
  );
}
