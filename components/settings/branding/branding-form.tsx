"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { formErrors, fieldErrorsIn } from "@/lib/form-errors";
import { ZBrandingSettingsSchema } from "@/lib/schemas/branding";
import { useTRPC } from "@/trpc/client";
import { MIN_CONTRAST, checkAccentColor } from "@/domain/branding/contrast";

type Settings = {
  displayName: string;
  accentColor: string;
  supportEmail: string;
  fromName: string;
  fromEmail: string;
  replyTo: string;
};

/** The live contrast of a typed accent colour, measured like the server does (docs/branding.md#accent-colour). */
function AccentPreview({ value }: { value: string }) {
  if (!value.trim())
    return <p className="text-sm text-muted-foreground">Empty: the portal keeps Onward&apos;s colours.</p>;
  const check = checkAccentColor(value);
  if (check.ratio === null) return null;
  const hex = check.ok ? check.hex : value.trim();
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" aria-live="polite">
      <span className="rounded-md px-3 py-1.5 font-medium text-white" style={{ backgroundColor: hex }}>
        Button
      </span>
      <span className="font-medium underline" style={{ color: hex }}>
        Link
      </span>
      <span className={check.ok ? "text-success" : "text-destructive"}>
        Contrast with white {check.ratio.toFixed(2)}:1 — {check.ok ? "readable" : `needs at least ${MIN_CONTRAST}:1`}
      </span>
    </div>
  );
}

/** Display name, accent colour, support email and the email sender; saving writes a new version (audited). */
export function BrandingForm({ initial }: { initial: Settings }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState<Settings>(initial);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.branding.update.mutationOptions({
      onSuccess: () => {
        setFieldErrors({});
        setSaved(true);
        router.refresh();
      },
      onError: (error) => setFieldErrors(fieldErrorsIn(error)),
    }),
  );

  const set = (field: keyof Settings) => (event: React.ChangeEvent<HTMLInputElement>) => {
    setSaved(false);
    setValues((v) => ({ ...v, [field]: event.target.value }));
  };

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const parsed = ZBrandingSettingsSchema.safeParse(values);
    if (!parsed.success) {
      setFieldErrors(formErrors(parsed.error));
      return;
    }
    update.mutate(values);
  }

  const shownError = update.error && Object.keys(fieldErrors).length === 0 ? update.error.message : null;
  return (
    <form onSubmit={submit} className="grid gap-4" noValidate aria-label="Branding and sender">
      {saved ? (
        <Alert variant="success">
          <AlertDescription>Branding saved.</AlertDescription>
        </Alert>
      ) : null}
      {shownError ? (
        <Alert variant="destructive">
          <AlertDescription>{shownError}</AlertDescription>
        </Alert>
      ) : null}
      <FormField
        id="branding-display-name"
        label="Display name"
        error={fieldErrors.displayName}
        description="Shown to your customers in the portal, emails and documents instead of the workspace name."
      >
        <Input
          name="displayName"
          value={values.displayName}
          onChange={set("displayName")}
          maxLength={80}
          autoComplete="organization"
        />
      </FormField>
      <FormField
        id="branding-accent"
        label="Accent colour"
        error={fieldErrors.accentColor}
        description="A hex code such as #0e7490: buttons, links and focus rings in the portal."
      >
        <Input
          name="accentColor"
          value={values.accentColor}
          onChange={set("accentColor")}
          placeholder="#0e7490"
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
        />
      </FormField>
      <AccentPreview value={values.accentColor} />
      <FormField
        id="branding-support-email"
        label="Support email"
        error={fieldErrors.supportEmail}
        description="Where customers can reach you; replies go here when no reply-to address is set."
      >
        <Input
          name="supportEmail"
          type="email"
          value={values.supportEmail}
          onChange={set("supportEmail")}
          autoComplete="email"
        />
      </FormField>
      <fieldset className="grid gap-4 rounded-lg border p-4">
        <legend className="px-1 text-sm font-medium">Email sender</legend>
        <FormField
          id="branding-from-name"
          label="From name"
          error={fieldErrors.fromName}
          description="Empty: the display name."
        >
          <Input name="fromName" value={values.fromName} onChange={set("fromName")} maxLength={80} autoComplete="off" />
        </FormField>
        <FormField
          id="branding-from-email"
          label="From address"
          error={fieldErrors.fromEmail}
          description="Used only when its domain is verified for sending by whoever runs Onward; otherwise emails come from Onward's address under your name."
        >
          <Input
            name="fromEmail"
            type="email"
            value={values.fromEmail}
            onChange={set("fromEmail")}
            autoComplete="off"
          />
        </FormField>
        <FormField
          id="branding-reply-to"
          label="Reply-to address"
          error={fieldErrors.replyTo}
          description="Empty: the support email."
        >
          <Input name="replyTo" type="email" value={values.replyTo} onChange={set("replyTo")} autoComplete="off" />
        </FormField>
      </fieldset>
      <div>
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save branding"}
        </Button>
      </div>
    </form>
  );
}
