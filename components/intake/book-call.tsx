"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { TextField } from "@/components/ui/form-controls";
import { optionalText } from "@/lib/form-input";
import { ZIntakeCallRequestSchema } from "@/lib/schemas/intake";
import { useTRPC } from "@/trpc/client";

const ZBookCallForm = ZIntakeCallRequestSchema.pick({}).extend({
  preference: optionalText(ZIntakeCallRequestSchema.shape.preference),
});

/** The next step: ask the tenant's customer success manager for a call about this result. */
export function BookCall({
  tenantSlug,
  token,
  tenantName,
  requested,
}: {
  tenantSlug: string;
  token: string;
  tenantName: string;
  requested: boolean;
}) {
  const trpc = useTRPC();
  const form = useForm({ resolver: zodResolver(ZBookCallForm), defaultValues: { preference: "" } });
  const book = useMutation(
    trpc.intake.requestCall.mutationOptions({ onError: (error) => setServerError(form, error) }),
  );
  const submit = form.handleSubmit((input) => book.mutate({ tenantSlug, token, ...input }));
  if (requested || book.isSuccess) {
    return (
      <Alert variant="success">
        <AlertDescription>
          <p>
            Your call is requested. A customer success manager from {tenantName} will contact you within one business
            day to plan the project with you.
          </p>
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <Form {...form}>
      <form className="grid gap-4" noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          control={form.control}
          name="preference"
          label="When suits you best? (optional)"
          description="For example: Tuesday mornings, or after 3 pm CET."
          maxLength={200}
        />
        <FormRootError />
        <Button type="submit" size="lg" disabled={book.isPending} className="w-full sm:w-fit">
          {book.isPending ? "Booking…" : "Book a call to start"}
        </Button>
      </form>
    </Form>
  );
}
