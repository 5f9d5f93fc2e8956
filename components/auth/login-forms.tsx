"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { KeyRound, Mail, ShieldCheck } from "lucide-react";
import { passwordSignIn, requestMagicLink } from "@/app/(auth)/login/actions";
import { Button } from "@/components/ui/button";
import { Form, FormRootError } from "@/components/ui/form";
import { CheckboxField, TextField } from "@/components/ui/form-controls";
import { ZCredentialsSchema, ZMagicLinkSchema } from "@/lib/schemas/auth";
import { ZSignInCodeSchema } from "@/lib/schemas/two-factor";
import { cn } from "@/lib/utils";
import { useActionSubmit } from "./use-action-submit";

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

/** Email and password; for staff with two-factor sign-in, then the code (docs/security.md#two-factor-sign-in). */
function PasswordForm() {
  const [credentials, setCredentials] = useState<{ email: string; password: string } | null>(null);
  const form = useForm({ resolver: zodResolver(ZCredentialsSchema), defaultValues: { email: "", password: "" } });
  const { submit, pending } = useActionSubmit(form, passwordSignIn, {
    onAnswer: (answer) => {
      if (answer.twoFactor) setCredentials(form.getValues());
    },
  });
  if (credentials) return <CodeForm credentials={credentials} onBack={() => setCredentials(null)} />;
  return (
    <Form {...form}>
      <form
        onSubmit={submit}
        id="panel-team"
        role="tabpanel"
        aria-labelledby="tab-team"
        className="grid gap-4"
        noValidate
      >
        <FormRootError />
        <TextField
          control={form.control}
          name="email"
          label="Work email"
          required
          type="email"
          autoComplete="username"
          autoFocus
        />
        <TextField
          control={form.control}
          name="password"
          label="Password"
          required
          type="password"
          autoComplete="current-password"
        />
        <Button type="submit" disabled={pending}>
          <KeyRound aria-hidden /> {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
    </Form>
  );
}

function CodeForm({ credentials, onBack }: { credentials: { email: string; password: string }; onBack: () => void }) {
  const form = useForm({ resolver: zodResolver(ZSignInCodeSchema), defaultValues: { code: "", remember: false } });
  const { submit, pending } = useActionSubmit(form, passwordSignIn, { extra: () => credentials });
  return (
    <Form {...form}>
      <form
        onSubmit={submit}
        id="panel-team"
        role="tabpanel"
        aria-labelledby="tab-team"
        aria-label="Two-factor code"
        className="grid gap-4"
        noValidate
      >
        <p className="text-sm text-muted-foreground">
          Enter the 6-digit code from your authenticator app. Lost your phone? Enter one of your recovery codes.
        </p>
        <FormRootError />
        <TextField
          control={form.control}
          name="code"
          label="Authentication code"
          required
          autoComplete="one-time-code"
          autoFocus
          spellCheck={false}
        />
        <CheckboxField control={form.control} name="remember" label="Remember this device for 30 days" />
        <Button type="submit" disabled={pending}>
          <ShieldCheck aria-hidden /> {pending ? "Checking…" : "Verify and sign in"}
        </Button>
        <Button type="button" variant="ghost" onClick={onBack}>
          Use another account
        </Button>
      </form>
    </Form>
  );
}

function MagicLinkForm({ initialEmail }: { initialEmail?: string }) {
  const form = useForm({ resolver: zodResolver(ZMagicLinkSchema), defaultValues: { email: initialEmail ?? "" } });
  const { submit, pending } = useActionSubmit(form, requestMagicLink);
  return (
    <Form {...form}>
      <form
        onSubmit={submit}
        id="panel-customer"
        role="tabpanel"
        aria-labelledby="tab-customer"
        className="grid gap-4"
        noValidate
      >
        <p className="text-sm text-muted-foreground">
          No password needed: we email you a link that signs you in to your project portal.
        </p>
        <FormRootError />
        <TextField
          control={form.control}
          name="email"
          label="Your email"
          required
          type="email"
          autoComplete="email"
          autoFocus
        />
        <Button type="submit" disabled={pending}>
          <Mail aria-hidden /> {pending ? "Sending…" : "Email me a sign-in link"}
        </Button>
      </form>
    </Form>
  );
}
