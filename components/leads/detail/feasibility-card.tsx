"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { TextField } from "@/components/ui/form-controls";
import { EmptyState } from "@/components/ui/empty-state";
import { listText, moneyText, numberText } from "@/lib/form-input";
import { formatMoneyPlain } from "@/lib/money";
import { ZProjectRequestSchema } from "@/lib/schemas/feasibility";
import { useTRPC } from "@/trpc/client";
import { FeasibilityResultView } from "./feasibility-result";
import type { LatestFeasibility } from "./types";
import { formatDate } from "@/lib/format";

const shape = ZProjectRequestSchema.shape;
/**
 * The shared request schema, read from the text the CSM types (one requirement per line, lists by commas);
 * nested under `request` like the procedure's input, so the server's field errors land on the same names.
 */
const ZRequestForm = z.object({
  request: z.object({
    requirements: listText(shape.requirements, /\r?\n/),
    timelineWeeks: numberText(shape.timelineWeeks),
    budgetCents: moneyText(shape.budgetCents),
    teamSize: numberText(shape.teamSize),
    techStack: listText(shape.techStack, /,/),
    integrations: listText(shape.integrations, /,/),
    compliance: listText(shape.compliance, /,/),
  }),
});

type TextField = {
  name: `request.${keyof z.input<typeof ZRequestForm>["request"]}`;
  label: string;
  placeholder?: string;
};
const LIST_FIELDS: TextField[] = [
  { name: "request.techStack", label: "Tech stack (comma-separated)", placeholder: "React, Node.js, PostgreSQL" },
  { name: "request.integrations", label: "Integrations (comma-separated)", placeholder: "Stripe, Salesforce" },
  { name: "request.compliance", label: "Compliance (comma-separated)", placeholder: "GDPR, SOC 2" },
];

/** The project request form (CSM/admin) and the latest result, read back from the server after a reload. */
export function FeasibilityCard({
  leadId,
  initial,
  canWrite,
}: {
  leadId: string;
  initial: LatestFeasibility | null;
  canWrite: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const req = initial?.request;
  const form = useForm({
    resolver: zodResolver(ZRequestForm),
    defaultValues: {
      request: {
        requirements: req?.requirements.join("\n") ?? "",
        timelineWeeks: req?.timelineWeeks.toString() ?? "",
        budgetCents: req ? formatMoneyPlain(req.budgetCents) : "",
        teamSize: req?.teamSize.toString() ?? "",
        techStack: req?.techStack.join(", ") ?? "",
        integrations: req?.integrations.join(", ") ?? "",
        compliance: req?.compliance.join(", ") ?? "",
      },
    },
  });
  const analyze = useMutation(
    trpc.feasibility.analyze.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => setServerError(form, error),
    }),
  );
  const submit = form.handleSubmit((values) => analyze.mutate({ leadId, request: values.request }));

  const shown = analyze.data ?? initial;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Feasibility</CardTitle>
        <CardDescription>
          {canWrite
            ? "Describe the project request; the analysis needs a saved qualification assessment."
            : "The latest analysis of the project request."}
          {initial && !analyze.data ? ` Last analysed ${formatDate(initial.analyzedAt)}.` : ""}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        {canWrite ? (
          <Form {...form}>
            <form onSubmit={(e) => void submit(e)} className="grid gap-4" noValidate>
              <TextField
                control={form.control}
                name="request.requirements"
                label="Requirements (one per line)"
                required
                rows={5}
              />
              <div className="grid gap-4 sm:grid-cols-3">
                <TextField
                  control={form.control}
                  name="request.timelineWeeks"
                  label="Timeline (weeks)"
                  required
                  type="number"
                  inputMode="numeric"
                  min={1}
                />
                <TextField
                  control={form.control}
                  name="request.budgetCents"
                  label="Budget (USD)"
                  required
                  inputMode="decimal"
                  placeholder="e.g. 80000"
                />
                <TextField
                  control={form.control}
                  name="request.teamSize"
                  label="Customer team size"
                  required
                  type="number"
                  inputMode="numeric"
                  min={0}
                />
              </div>
              {LIST_FIELDS.map((f) => (
                <TextField key={f.name} control={form.control} {...f} />
              ))}
              <FormRootError />
              <div>
                <Button type="submit" disabled={analyze.isPending}>
                  {analyze.isPending ? "Analysing…" : "Analyse feasibility"}
                </Button>
              </div>
            </form>
          </Form>
        ) : null}
        {shown ? (
          <FeasibilityResultView result={shown.result} configVersion={shown.configVersion} />
        ) : canWrite ? null : (
          <EmptyState
            title="Not analysed yet"
            description="A CSM runs the feasibility analysis after qualifying the lead."
            headingAs="h3"
          />
        )}
      </CardContent>
    </Card>
  );
}
