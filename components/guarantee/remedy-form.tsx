"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/trpc/client";
import { formatMoney } from "@/lib/money";
import { fieldErrorsOf } from "@/lib/form-errors";
import { REMEDY } from "./labels";

type Remedy = "REFUND" | "CONTINUED_DEVELOPMENT" | "MIGRATION_ASSISTANCE";
const CHOICES: Remedy[] = ["REFUND", "CONTINUED_DEVELOPMENT", "MIGRATION_ASSISTANCE"];

/** On a failed guarantee the customer's approver chooses one of the seed's remedies (docs/domain.md#guarantee). */
export function RemedyForm({
  projectId,
  refundCents,
  currency,
}: {
  projectId: string;
  refundCents: number;
  currency: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [choice, setChoice] = useState<Remedy | null>(null);
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);
  const choose = useMutation(trpc.portal.chooseRemedy.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = fieldErrorsOf(choose.error);

  if (choose.data) {
    return (
      <Alert variant="success">
        <AlertTitle>Your choice is recorded</AlertTitle>
        <AlertDescription>
          {choose.data.remedy === "REFUND"
            ? "Your refund claim is with our executives for approval; you will be told at each step."
            : "The team will contact you to plan it."}
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <form
      noValidate
      className="grid gap-4"
      aria-label="Choose your remedy"
      onSubmit={(e) => {
        e.preventDefault();
        if (!choice) return setMissing(true);
        choose.mutate({ projectId, remedy: choice, note: note || undefined });
      }}
    >
      <fieldset className="grid gap-2" aria-describedby={missing ? `${id}-missing` : undefined}>
        <legend className="mb-1 text-sm font-medium">Which remedy do you choose?</legend>
        {CHOICES.map((c) => (
          <label
            key={c}
            className="flex items-start gap-2 rounded-md border p-3 text-sm has-[:checked]:border-primary has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
          >
            <input
              type="radio"
              name={`${id}-remedy`}
              value={c}
              checked={choice === c}
              onChange={() => {
                setChoice(c);
                setMissing(false);
              }}
              className="mt-0.5 size-4 accent-primary"
            />
            <span>
              <span className="font-medium">
                {REMEDY[c]?.label}
                {c === "REFUND" ? ` (${formatMoney(refundCents, currency)})` : ""}
              </span>
              <span className="block text-muted-foreground">{REMEDY[c]?.description}</span>
            </span>
          </label>
        ))}
        {missing ? (
          <p id={`${id}-missing`} role="alert" className="text-sm font-medium text-destructive">
            Choose a remedy.
          </p>
        ) : null}
      </fieldset>
      <FormField id={`${id}-note`} label="Anything we should know? (optional)" error={errors.note}>
        <Textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
      </FormField>
      {choose.error ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.amountCents ?? choose.error.message}</AlertDescription>
        </Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={choose.isPending}>
          Confirm my choice
        </Button>
      </div>
    </form>
  );
}
