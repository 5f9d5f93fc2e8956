"use client";

import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { TextField } from "@/components/ui/form-controls";
import { ZSessionIdleSchema, type SessionIdleInput } from "@/lib/schemas/sessions";
import { useTRPC } from "@/trpc/client";

/** How long a signed-in session may sit unused before it ends (docs/security.md#sessions). */
export function SessionIdleCard({ initial }: { initial: SessionIdleInput }) {
  const trpc = useTRPC();
  const form = useForm({ resolver: zodResolver(ZSessionIdleSchema), defaultValues: initial });
  const save = useMutation(
    trpc.session.updateIdleTimeouts.mutationOptions({ onError: (error) => setServerError(form, error) }),
  );
  const submit = form.handleSubmit((input) => save.mutate(input));
  return (
    <Card id="session-idle">
      <CardHeader>
        <CardTitle as="h2">Sign-out after inactivity</CardTitle>
        <CardDescription>
          A person who has not used the app for this long is signed out and signs in again.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form
            className="flex flex-wrap items-end gap-3"
            aria-label="Sign-out after inactivity"
            noValidate
            onSubmit={(event) => void submit(event)}
          >
            <TextField
              control={form.control}
              name="staffIdleHours"
              label="Team members (hours)"
              type="number"
              min={1}
              max={72}
              className="w-40"
            />
            <TextField
              control={form.control}
              name="customerIdleHours"
              label="Customers (hours)"
              type="number"
              min={1}
              max={720}
              className="w-40"
            />
            <Button type="submit" disabled={save.isPending}>
              Save
            </Button>
          </form>
          {save.data ? (
            <Alert variant="success" className="mt-3">
              <AlertDescription>Saved.</AlertDescription>
            </Alert>
          ) : null}
          <FormRootError className="mt-3" />
        </Form>
      </CardContent>
    </Card>
  );
}
