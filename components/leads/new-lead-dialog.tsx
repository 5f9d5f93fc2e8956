"use client";

import { readMoneyField } from "@/lib/money";
import { useMutation } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ZCreateLeadSchema } from "@/lib/schemas/leads";
import { useTRPC } from "@/trpc/client";
import { formErrors, fieldErrorsOf } from "@/lib/form-errors";

export function NewLeadDialog() {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const create = useMutation(
    trpc.leads.create.mutationOptions({
      onSuccess: (lead) => router.push(`/leads/${lead.id}`),
      onError: (error) => setFieldErrors(fieldErrorsOf(error)),
    }),
  );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = readMoneyField(form.get("estimatedValue"));
    const parsed = ZCreateLeadSchema.safeParse({
      company: form.get("company"),
      contactName: form.get("contactName"),
      contactEmail: form.get("contactEmail"),
      estimatedValueCents: value.cents,
    });
    if (!parsed.success || value.error) {
      const errors = parsed.success ? {} : formErrors(parsed.error);
      setFieldErrors(value.error ? { ...errors, estimatedValueCents: value.error } : errors);
      return;
    }
    setFieldErrors({});
    create.mutate(parsed.data);
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden /> New lead
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New lead</DialogTitle>
          <DialogDescription>You become its owner; qualify it from its page.</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          {create.error && !fieldErrors.company && !fieldErrors.contactEmail ? (
            <Alert variant="destructive">
              <AlertDescription>{create.error.message}</AlertDescription>
            </Alert>
          ) : null}
          <FormField id="lead-company" label="Company" error={fieldErrors.company} required>
            <Input name="company" autoComplete="organization" />
          </FormField>
          <FormField id="lead-contact" label="Contact name" error={fieldErrors.contactName} required>
            <Input name="contactName" autoComplete="name" />
          </FormField>
          <FormField id="lead-email" label="Contact email" error={fieldErrors.contactEmail} required>
            <Input name="contactEmail" type="email" autoComplete="email" />
          </FormField>
          <FormField
            id="lead-value"
            label="Estimated value (USD)"
            error={fieldErrors.estimatedValueCents}
            description="Optional"
          >
            <Input name="estimatedValue" inputMode="decimal" placeholder="120000" />
          </FormField>
          <DialogFooter>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create lead"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
