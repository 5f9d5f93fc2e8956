"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { TextField } from "@/components/ui/form-controls";
import { formatDate, plural } from "@/lib/format";
import { readError } from "@/lib/form-errors";
import { ZConfirmTwoFactorSchema, ZDisableTwoFactorSchema } from "@/lib/schemas/two-factor";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/trpc/client";

type State = inferRouterOutputs<AppRouter>["twoFactor"]["mine"];

/** Set up, confirm and turn off one's own two-factor sign-in (docs/security.md#two-factor-sign-in). */
export function TwoFactorCard({ state }: { state: State }) {
  return (
    <Card id="two-factor">
      <CardHeader>
        <CardTitle as="h2">Authenticator app</CardTitle>
        <CardDescription>
          {state.enabled
            ? `On since ${state.enabledAt ? formatDate(state.enabledAt) : "—"}. ${plural(state.recoveryCodesLeft, "recovery code")} left.`
            : "Off. Use any authenticator app (Google Authenticator, Microsoft Authenticator, 1Password, …)."}
        </CardDescription>
      </CardHeader>
      <CardContent>{state.enabled ? <TurnOff required={state.requiredByWorkspace} /> : <SetUp />}</CardContent>
    </Card>
  );
}

function SetUp() {
  const trpc = useTRPC();
  const router = useRouter();
  const start = useMutation(trpc.twoFactor.start.mutationOptions());
  const form = useForm({ resolver: zodResolver(ZConfirmTwoFactorSchema), defaultValues: { code: "" } });
  const confirm = useMutation(
    trpc.twoFactor.confirm.mutationOptions({ onError: (error) => setServerError(form, error) }),
  );
  const submit = form.handleSubmit((input) => confirm.mutate(input));

  if (confirm.data)
    return (
      <div className="grid gap-4">
        <Alert variant="success">
          <AlertDescription>
            Two-factor sign-in is on. Save these recovery codes somewhere safe: each one signs you in once if you lose
            your phone. They are shown only now.
          </AlertDescription>
        </Alert>
        <ul id="recovery-codes" aria-label="Recovery codes" className="grid grid-cols-2 gap-2 font-mono text-sm">
          {confirm.data.recoveryCodes.map((code) => (
            <li key={code} className="rounded bg-muted px-2 py-1">
              {code}
            </li>
          ))}
        </ul>
        <div>
          <Button type="button" onClick={() => router.refresh()}>
            I saved my recovery codes
          </Button>
        </div>
      </div>
    );

  if (!start.data)
    return (
      <div className="grid gap-2">
        <div>
          <Button type="button" disabled={start.isPending} onClick={() => start.mutate()}>
            {start.isPending ? "Preparing…" : "Set up two-factor sign-in"}
          </Button>
        </div>
        {start.error ? (
          <p role="alert" className="text-sm text-destructive">
            {readError(start.error)?.message}
          </p>
        ) : null}
      </div>
    );

  return (
    <div className="grid gap-4">
      <p className="text-sm">1. Scan this code with your authenticator app.</p>
      {/* a data: URL made on the server; next/image adds nothing for it */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={start.data.qrDataUrl} alt="QR code to add Onward to your authenticator app" width={180} height={180} />
      <p className="text-sm">
        Or type this key into the app:{" "}
        <code id="two-factor-secret" className="break-all rounded bg-muted px-1 py-0.5 font-mono">
          {start.data.secret}
        </code>
      </p>
      <Form {...form}>
        <form
          className="grid max-w-xs gap-3"
          aria-label="Confirm two-factor sign-in"
          noValidate
          onSubmit={(event) => void submit(event)}
        >
          <TextField
            control={form.control}
            name="code"
            label="2. Enter the 6-digit code the app shows"
            required
            autoComplete="one-time-code"
            inputMode="numeric"
          />
          <FormRootError />
          <Button type="submit" disabled={confirm.isPending}>
            {confirm.isPending ? "Checking…" : "Turn on"}
          </Button>
        </form>
      </Form>
    </div>
  );
}

function TurnOff({ required }: { required: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useForm({ resolver: zodResolver(ZDisableTwoFactorSchema), defaultValues: { code: "" } });
  const disable = useMutation(
    trpc.twoFactor.disable.mutationOptions({
      onError: (error) => setServerError(form, error),
      onSuccess: () => router.refresh(),
    }),
  );
  const submit = form.handleSubmit((input) => disable.mutate(input));
  return (
    <Form {...form}>
      <form
        className="grid max-w-xs gap-3"
        aria-label="Turn off two-factor sign-in"
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        {required ? (
          <p className="text-sm text-muted-foreground">
            Your workspace requires two-factor sign-in: after turning it off you set it up again before going on.
          </p>
        ) : null}
        <TextField
          control={form.control}
          name="code"
          label="Current code or a recovery code"
          required
          autoComplete="one-time-code"
        />
        <FormRootError />
        <Button type="submit" variant="outline" disabled={disable.isPending}>
          {disable.isPending ? "Turning off…" : "Turn off two-factor sign-in"}
        </Button>
      </form>
    </Form>
  );
}
