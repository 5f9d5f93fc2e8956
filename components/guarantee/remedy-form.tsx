"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Form,
  FormControl,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  FormRootError,
  setServerError,
} from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/trpc/client";
import { formatMoney } from "@/lib/money";
import { REMEDY_VALUES, ZChooseRemedySchema } from "@/lib/schemas/guarantees";
import { REMEDY } from "./labels";

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
  const form = useForm({
    resolver: zodResolver(ZChooseRemedySchema),
    // no remedy is chosen for the customer: the schema says one is missing
    defaultValues: { projectId, note: "" } as z.input<typeof ZChooseRemedySchema>,
  });
  const choose = useMutation(
    trpc.portal.chooseRemedy.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => setServerError(form, error),
    }),
  );
  const submit = form.handleSubmit((input) => choose.mutate({ ...input, note: input.note ?? undefined }));

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
    <Form {...form}>
      <form noValidate className="grid gap-4" aria-label="Choose your remedy" onSubmit={(e) => void submit(e)}>
        <FormField
          control={form.control}
          name="remedy"
          render={({ field }) => (
            <FormItem>
              <fieldset className="grid gap-2">
                <legend className="mb-1 text-sm font-medium">Which remedy do you choose?</legend>
                {REMEDY_VALUES.map((c) => (
                  <label
                    key={c}
                    className="flex items-start gap-2 rounded-md border p-3 text-sm has-[:checked]:border-primary has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
                  >
                    <input
                      type="radio"
                      name={field.name}
                      value={c}
                      checked={field.value === c}
                      onChange={() => field.onChange(c)}
                      onBlur={field.onBlur}
                      ref={c === REMEDY_VALUES[0] ? field.ref : undefined}
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
              </fieldset>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="note"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Anything we should know? (optional)</FormLabel>
              <FormControl>
                <Textarea {...field} value={field.value ?? ""} maxLength={1000} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="amountCents"
          render={() => (
            <FormItem>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormRootError />
        <div>
          <Button type="submit" disabled={choose.isPending}>
            Confirm my choice
          </Button>
        </div>
      </form>
    </Form>
  );
}
