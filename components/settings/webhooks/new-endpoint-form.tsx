"use client";

import { formText } from "@/lib/form-data";
import { useMutation } from "@tanstack/react-query";
import { Copy } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError, formErrors, fieldErrorsIn } from "@/lib/form-errors";
import { ZCreateWebhookSchema } from "@/lib/schemas/webhooks";
import { useTRPC } from "@/trpc/client";
import { EventCheckboxes } from "./event-checkboxes";

/** Adds an endpoint; the signing secret is shown once, right here, with a copy button. */
export function NewEndpointForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: ({ endpoint, secret }) => {
        setCreated({ url: endpoint.url, secret });
        setFieldErrors({});
        router.refresh();
      },
      onError: (error) => setFieldErrors(fieldErrorsIn(error)),
    }),
  );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setCreated(null);
    setCopied(false);
    const input = {
      url: formText(form.get("url")),
      events: form.getAll("events").map(String),
      secret: formText(form.get("secret")).trim() || undefined,
    };
    const parsed = ZCreateWebhookSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(formErrors(parsed.error));
      return;
    }
    create.mutate(parsed.data, { onSuccess: () => formElement.reset() });
  }

  return (
    <form onSubmit={submit} className="grid gap-4" noValidate aria-label="Add a webhook endpoint">
      {created ? (
        <Alert variant="success">
          <AlertTitle>Endpoint added</AlertTitle>
          <AlertDescription>
            <p>
              Copy the signing secret for {created.url} now: it is not shown again. Verify each request&apos;s
              webhook-signature header with it (Standard Webhooks).
            </p>
            <div className="flex w-full items-center gap-2">
              <code
                className="min-w-0 flex-1 truncate rounded bg-muted px-2 py-1 font-mono text-xs"
                data-testid="webhook-secret"
              >
                {created.secret}
              </code>
              <Button
                type="button"
                size="sm"
                variant="outline"
                onClick={() => void navigator.clipboard?.writeText(created.secret).then(() => setCopied(true))}
              >
                <Copy aria-hidden /> {copied ? "Copied" : "Copy"}
              </Button>
            </div>
          </AlertDescription>
        </Alert>
      ) : null}
      {create.error && !fieldErrors.url && !fieldErrors.secret ? (
        <Alert variant="destructive">
          <AlertDescription>{create.error.message}</AlertDescription>
        </Alert>
      ) : null}
      <FormField
        id="webhook-url"
        label="Endpoint URL"
        error={fieldErrors.url}
        required
        description="https, on a public address. Onward POSTs signed JSON to it."
      >
        <Input
          name="url"
          type="url"
          inputMode="url"
          placeholder="https://example.com/webhooks/onward"
          autoComplete="off"
        />
      </FormField>
      <EventCheckboxes error={fieldError(fieldErrors, "events")} />
      <FormField
        id="webhook-secret"
        label="Signing secret (optional)"
        error={fieldErrors.secret}
        description="Leave empty to generate one. Your own must be whsec_ followed by at least 24 random bytes in base64."
      >
        <Input name="secret" autoComplete="off" spellCheck={false} />
      </FormField>
      <div>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add endpoint"}
        </Button>
      </div>
    </form>
  );
}
