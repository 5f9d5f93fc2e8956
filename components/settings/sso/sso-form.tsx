"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { CheckboxField, SelectField, TextField } from "@/components/ui/form-controls";
import { ROLE_LABEL } from "@/lib/labels/role";
import { SSO_PROVISIONING_LABEL } from "@/lib/labels/sso";
import {
  SSO_DEFAULT_ROLE_VALUES,
  SSO_PROVISIONING_VALUES,
  ZSsoSettingsSchema,
  type SsoSettingsInput,
} from "@/lib/schemas/sso";
import { readError } from "@/lib/read-error";
import { useTRPC } from "@/trpc/client";

const PROVISIONING_OPTIONS = SSO_PROVISIONING_VALUES.map((v) => ({ value: v, label: SSO_PROVISIONING_LABEL[v] }));
const ROLE_OPTIONS = SSO_DEFAULT_ROLE_VALUES.map((v) => ({ value: v, label: ROLE_LABEL[v] }));

/** The workspace's identity provider, domains and provisioning (docs/security.md#single-sign-on); saving is audited. */
export function SsoForm({ initial, secretSet }: { initial: SsoSettingsInput; secretSet: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm({ resolver: zodResolver(ZSsoSettingsSchema), defaultValues: initial });
  const provisioning = useWatch({ control: form.control, name: "provisioning" });
  const update = useMutation(
    trpc.sso.update.mutationOptions({
      onSuccess: (_, values) => {
        // the secret is write-only: once saved, the field goes back to empty ("keep the saved one")
        form.reset({ ...values, clientSecret: "" });
        setSaved(true);
        router.refresh();
      },
      onError: (error) => setServerError(form, error),
    }),
  );
  const submit = form.handleSubmit(() => {
    setSaved(false);
    update.mutate(form.getValues());
  });

  return (
    <Form {...form}>
      <form onSubmit={(event) => void submit(event)} className="grid gap-4" noValidate aria-label="Single sign-on">
        {saved && !form.formState.isDirty ? (
          <Alert variant="success">
            <AlertDescription>Single sign-on saved.</AlertDescription>
          </Alert>
        ) : null}
        <FormRootError />
        <TextField
          control={form.control}
          name="issuer"
          label="Issuer URL"
          description="Your identity provider's issuer, e.g. https://login.example.com; its /.well-known/openid-configuration is read when you save."
          required
          type="url"
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          control={form.control}
          name="clientId"
          label="Client ID"
          required
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          control={form.control}
          name="clientSecret"
          label="Client secret"
          description={
            secretSet ? "Saved and never shown again. Leave empty to keep it; type a new one to replace it." : undefined
          }
          required={!secretSet}
          type="password"
          autoComplete="new-password"
        />
        <TextField
          control={form.control}
          name="domains"
          label="Email domains"
          description="People whose work email is on these domains sign in through this provider, e.g. example.com, example.org. A domain can belong to one workspace only."
          required
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField
          control={form.control}
          name="provisioning"
          label="Who may sign in"
          options={PROVISIONING_OPTIONS}
        />
        {provisioning === "jit" ? (
          <SelectField
            control={form.control}
            name="defaultRole"
            label="Role of people added at their first sign-in"
            options={ROLE_OPTIONS}
          />
        ) : null}
        <CheckboxField
          control={form.control}
          name="passwordSignInOff"
          label="People of these domains cannot sign in with a password"
        />
        <div>
          <Button type="submit" disabled={update.isPending}>
            {update.isPending ? "Checking the provider…" : "Save single sign-on"}
          </Button>
        </div>
      </form>
    </Form>
  );
}

/** Turns single sign-on off: the domains are released and people sign in with their password again. */
export function RemoveSsoButton() {
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(trpc.sso.remove.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="grid gap-2">
      <Button type="button" variant="outline" disabled={remove.isPending} onClick={() => remove.mutate()}>
        Turn single sign-on off
      </Button>
      {remove.error ? <p className="text-sm text-destructive">{readError(remove.error)?.message}</p> : null}
    </div>
  );
}
