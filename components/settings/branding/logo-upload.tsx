"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/trpc/client";
import { LOGO_TYPES, MAX_LOGO_BYTES, type LogoType } from "@/domain/branding/logo";
import { readError } from "@/lib/form-errors";

const isLogoType = (t: string): t is LogoType => (LOGO_TYPES as readonly string[]).includes(t);

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Uploads (or removes) the portal logo: PNG or SVG, at most 256 KB, checked on the server with the reason. */
export function LogoUpload({ logo, name }: { logo: { url: string; contentType: string } | null; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const onError = (e: unknown) => {
    const view = readError(e);
    setError(view ? (view.fieldErrors.logo ?? view.message) : null);
  };
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

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setDone(null);
    const file = new FormData(event.currentTarget).get("logo");
    if (!(file instanceof File) || file.size === 0) return setError("Choose a PNG or SVG file.");
    if (!isLogoType(file.type)) return setError("Upload a PNG or SVG file.");
    if (file.size > MAX_LOGO_BYTES)
      return setError(
        `The file is ${Math.ceil(file.size / 1024)} KB; logos may be at most ${MAX_LOGO_BYTES / 1024} KB.`,
      );
    upload.mutate({ contentType: file.type, dataBase64: toBase64(await file.arrayBuffer()) });
  }

  const busy = upload.isPending || remove.isPending;
  return (
    <form onSubmit={(e) => void submit(e)} className="grid gap-4" noValidate aria-label="Logo">
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
      <FormField
        id="branding-logo"
        label="Logo file"
        error={error}
        description="PNG or SVG, at most 256 KB. SVGs may not contain scripts, event handlers or links to other files."
      >
        <Input name="logo" type="file" accept="image/png,image/svg+xml" />
      </FormField>
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
              setError(null);
              setDone(null);
              remove.mutate();
            }}
          >
            Remove logo
          </Button>
        ) : null}
      </div>
    </form>
  );
}
