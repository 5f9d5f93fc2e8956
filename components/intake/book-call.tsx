"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/trpc/client";
import { fieldErrorsOf } from "@/lib/form-errors";

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
  const [preference, setPreference] = useState("");
  const book = useMutation(trpc.intake.requestCall.mutationOptions());
  const done = requested || book.isSuccess;
  if (done) {
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
  const error = fieldErrorsOf(book.error).preference;
  return (
    <form
      className="grid gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        book.mutate({ tenantSlug, token, ...(preference.trim() ? { preference } : {}) });
      }}
    >
      <FormField
        id="call-preference"
        label="When suits you best? (optional)"
        description="For example: Tuesday mornings, or after 3 pm CET."
        error={error}
      >
        <Input value={preference} maxLength={200} onChange={(e) => setPreference(e.target.value)} />
      </FormField>
      {book.error && !error ? (
        <Alert variant="destructive">
          <AlertDescription>{book.error.message}</AlertDescription>
        </Alert>
      ) : null}
      <Button type="submit" size="lg" disabled={book.isPending} className="w-full sm:w-fit">
        {book.isPending ? "Booking…" : "Book a call to start"}
      </Button>
    </form>
  );
}
