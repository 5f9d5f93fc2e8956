"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { TextField } from "@/components/ui/form-controls";
import { ZCreateWebhookSchema } from "@/lib/schemas/webhooks";
import { useTRPC } from "@/trpc/client";
import { EventsField } from "./event-checkboxes";
import { SecretCopy } from "./secret-copy";

/** Adds an endpoint; the signing secret is shown once, right here, with a copy button. */
export function NewEndpointForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const form = useForm({
    resolver: zodResolver(ZCreateWebhookSchema),
    defaultValues: { url: "", events: [], secret: "" },
  });
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: ({ endpoint, secret }) => {
        setCreated({ url: endpoint.url, secret });
        form.reset();
        router.refresh();
      },
      onError: (error) => setServerError(form, error),
    }),
  );

  const submit = form.handleSubmit((input) => {
    setCreated(null);
    create.mutate({ ...input, secret: input.secret || undefined });
  });

  return (
    <Form {...form}>
      <form
        onSubmit={(event) => void submit(event)}
        className="grid gap-4"
        noValidate
        aria-label="Add a webhook endpoint"
      >
        {created ? (
          <Alert variant="success">
            <AlertTitle>Endpoint added</AlertTitle>
            <AlertDescription>
              <p>
                Copy the signing secret for {created.url} now: it is not shown again. Verify each request&apos;s
                webhook-signature header with it (Standard Webhooks).
              </p>
              <SecretCopy key={created.secret} secret={created.secret} testId="webhook-secret" />
            </AlertDescription>
          </Alert>
        ) : null}
        <FormRootError />
        <TextField
          control={form.control}
          name="url"
          label="Endpoint URL"
          required
          description="https, on a public address. Onward POSTs signed JSON to it."
          type="url"
          inputMode="url"
          placeholder="https://example.com/webhooks/onward"
          autoComplete="off"
        />
        <EventsField control={form.control} name="events" />
        <TextField
          control={form.control}
          name="secret"
          label="Signing secret (optional)"
          description="Leave empty to generate one. Your own must be whsec_ followed by at least 24 random bytes in base64."
          autoComplete="off"
          spellCheck={false}
        />
        <div>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Adding…" : "Add endpoint"}
          </Button>
        </div>
      </form>
    </Form>
  );
}
