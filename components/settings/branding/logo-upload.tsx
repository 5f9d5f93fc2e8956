"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { FileField } from "@/components/ui/form-controls";
import { useTRPC } from "@/trpc/client";
import { LOGO_TYPES, MAX_LOGO_BYTES, type LogoType } from "@/domain/branding/logo";
import { ZLogoUploadSchema, type LogoUploadInput } from "@/lib/schemas/branding";

const isLogoType = (t: string): t is LogoType => (LOGO_TYPES as readonly string[]).includes(t);

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The form holds the chosen file. */
type LogoValues = { logo: File | null };

/**
 * The chosen file → the upload's input (its type and its bytes as base64), refused here with the reason when
 * it is plainly not a logo; the server checks its content.
 */
const logoResolver: Resolver<LogoValues, unknown, LogoUploadInput> = async ({ logo }) => {
  const refuse = (message: string) => ({ values: {}, errors: { logo: { type: "file", message } } });
  if (!logo || logo.size === 0) return refuse("Choose a PNG or SVG file.");
  if (!isLogoType(logo.type)) return refuse("Upload a PNG or SVG file.");
  if (logo.size > MAX_LOGO_BYTES)
    return refuse(`The file is ${Math.ceil(logo.size / 1024)} KB; logos may be at most ${MAX_LOGO_BYTES / 1024} KB.`);
  const input = ZLogoUploadSchema.safeParse({ contentType: logo.type, dataBase64: toBase64(await logo.arrayBuffer()) });
  return input.success
    ? { values: input.data, errors: {} }
    : refuse(input.error.issues.map((issue) => issue.message).join(" "));
};

/** Uploads (or removes) the portal logo: PNG or SVG, at most 256 KB, checked on the server with the reason. */
export function LogoUpload({ logo, name }: { logo: { url: string; contentType: string } | null; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<LogoValues, unknown, LogoUploadInput>({ resolver: logoResolver, defaultValues: { logo: null } });
  const onError = (error: unknown) => setServerError(form, error);
  const upload = useMutation(
    trpc.branding.uploadLogo.mutationOptions({
      onSuccess: () => {
        setDone("Logo uploaded.");
        router.refresh();
      },
      onError,
    }),
  );
  const remove = useMutation(
    trpc.branding.removeLogo.mutationOptions({
      onSuccess: () => {
        setDone("Logo removed.");
        router.refresh();
      },
      onError,
    }),
  );
  const submit = form.handleSubmit((input) => upload.mutate(input));

  const busy = upload.isPending || remove.isPending;
  return (
    <Form {...form}>
      <form
        onSubmit={(e) => {
          setDone(null);
          void submit(e);
        }}
        className="grid gap-4"
        noValidate
        aria-label="Logo"
      >
        <div className="grid h-20 place-items-center rounded-lg border bg-background p-3">
          {logo ? (
            // eslint-disable-next-line @next/next/no-img-element -- a tenant's uploaded file, served by our own route
            <img src={logo.url} alt={`${name} logo`} className="max-h-14 w-auto" data-testid="branding-logo-preview" />
          ) : (
            <span className="text-sm text-muted-foreground">No logo: the portal shows your name.</span>
          )}
        </div>
        {done ? (
          <Alert variant="success">
            <AlertDescription>{done}</AlertDescription>
          </Alert>
        ) : null}
        <FileField
          control={form.control}
          name="logo"
          label="Logo file"
          description="PNG or SVG, at most 256 KB. SVGs may not contain scripts, event handlers or links to other files."
          accept="image/png,image/svg+xml"
        />
        <FormRootError />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={busy}>
            {upload.isPending ? "Uploading…" : "Upload logo"}
          </Button>
          {logo ? (
            <Button
              type="button"
              variant="outline"
              disabled={busy}
              onClick={() => {
                form.clearErrors();
                setDone(null);
                remove.mutate();
              }}
            >
              Remove logo
            </Button>
          ) : null}
        </div>
      </form>
    </Form>
  );
}
