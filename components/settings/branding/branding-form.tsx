"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Form,
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  FormRootError,
  setServerError,
} from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { TextField } from "@/components/ui/form-controls";
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
  const [saved, setSaved] = useState(false);
  const form = useForm({ resolver: zodResolver(ZBrandingSettingsSchema), defaultValues: initial });
  const accentColor = useWatch({ control: form.control, name: "accentColor" });
  const update = useMutation(
    trpc.branding.update.mutationOptions({
      onSuccess: (_, values) => {
        // the saved values become the form's new starting point, so "saved" shows until the next change
        form.reset(values);
        setSaved(true);
        router.refresh();
      },
      onError: (error) => setServerError(form, error),
    }),
  );

  // the server takes the fields as typed (it reads blanks as "not set" itself), so send them, not the parsed output
  const submit = form.handleSubmit(() => {
    setSaved(false);
    update.mutate(form.getValues());
  });

  return (
    <Form {...form}>
      <form onSubmit={(event) => void submit(event)} className="grid gap-4" noValidate aria-label="Branding and sender">
        {saved && !form.formState.isDirty ? (
          <Alert variant="success">
            <AlertDescription>Branding saved.</AlertDescription>
          </Alert>
        ) : null}
        <FormRootError />
        <TextField
          control={form.control}
          name="displayName"
          label="Display name"
          description="Shown to your customers in the portal, emails and documents instead of the workspace name."
          maxLength={80}
          autoComplete="organization"
        />
        <FormField
          control={form.control}
          name="accentColor"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Accent colour</FormLabel>
              <FormControl>
                <Input {...field} placeholder="#0e7490" autoComplete="off" spellCheck={false} className="font-mono" />
              </FormControl>
              <FormDescription>
                A hex code such as #0e7490: buttons, links and focus rings in the portal.
              </FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <AccentPreview value={accentColor} />
        <TextField
          control={form.control}
          name="supportEmail"
          label="Support email"
          description="Where customers can reach you; replies go here when no reply-to address is set."
          type="email"
          autoComplete="email"
        />
        <fieldset className="grid gap-4 rounded-lg border p-4">
          <legend className="px-1 text-sm font-medium">Email sender</legend>
          <TextField
            control={form.control}
            name="fromName"
            label="From name"
            description="Empty: the display name."
            maxLength={80}
            autoComplete="off"
          />
          <TextField
            control={form.control}
            name="fromEmail"
            label="From address"
            description="Used only when its domain is verified for sending by whoever runs Onward; otherwise emails come from Onward's address under your name."
            type="email"
            autoComplete="off"
          />
          <TextField
            control={form.control}
            name="replyTo"
            label="Reply-to address"
            description="Empty: the support email."
            type="email"
            autoComplete="off"
          />
        </fieldset>
        <div>
          <Button type="submit" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save branding"}
          </Button>
        </div>
      </form>
    </Form>
  );
}
