"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
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
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { TextField } from "@/components/ui/form-controls";
import { moneyText } from "@/lib/form-input";
import { ZCreateLeadSchema } from "@/lib/schemas/leads";
import { useTRPC } from "@/trpc/client";

/** The shared schema, with the value typed as text in the workspace's currency. */
const ZNewLeadForm = ZCreateLeadSchema.pick({ company: true, contactName: true, contactEmail: true }).extend({
  estimatedValueCents: moneyText(ZCreateLeadSchema.shape.estimatedValueCents),
});

export function NewLeadDialog() {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm({
    resolver: zodResolver(ZNewLeadForm),
    defaultValues: { company: "", contactName: "", contactEmail: "", estimatedValueCents: "" },
  });
  const create = useMutation(
    trpc.leads.create.mutationOptions({
      onSuccess: (lead) => router.push(`/leads/${lead.id}`),
      onError: (error) => setServerError(form, error),
    }),
  );
  const submit = form.handleSubmit((input) => create.mutate(input));

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
        <Form {...form}>
          <form onSubmit={(e) => void submit(e)} className="grid gap-4" noValidate>
            <FormRootError />
            <TextField control={form.control} name="company" label="Company" required autoComplete="organization" />
            <TextField control={form.control} name="contactName" label="Contact name" required autoComplete="name" />
            <TextField
              control={form.control}
              name="contactEmail"
              label="Contact email"
              required
              type="email"
              autoComplete="email"
            />
            <TextField
              control={form.control}
              name="estimatedValueCents"
              label="Estimated value (USD)"
              description="Optional"
              inputMode="decimal"
              placeholder="120000"
            />
            <DialogFooter>
              <Button type="submit" disabled={create.isPending}>
                {create.isPending ? "Creating…" : "Create lead"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
