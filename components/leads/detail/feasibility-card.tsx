"use client";

import { formText } from "@/lib/form-data";
import { formatMoneyPlain, readMoneyField } from "@/lib/money";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { ZProjectRequestSchema } from "@/lib/schemas/feasibility";
import { useTRPC } from "@/trpc/client";
import { FeasibilityResultView } from "./feasibility-result";
import { formErrors, fieldErrorsOf } from "@/lib/form-errors";
import type { LatestFeasibility } from "./types";
import { formatDate } from "@/lib/format";

const list = (v: FormDataEntryValue | null, sep: RegExp) =>
  formText(v)
    .split(sep)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** "" stays undefined so the schema says "Enter the … as a number" instead of reading 0. */
function num(v: FormDataEntryValue | null): number | undefined {
  const s = formText(v).trim().replace(/,/g, "");
  if (s === "") return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : Number.NaN;
}

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
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const analyze = useMutation(
    trpc.feasibility.analyze.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => setFieldErrors(fieldErrorsOf(error)),
    }),
  );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const budget = readMoneyField(form.get("budget"));
    const input = {
      requirements: list(form.get("requirements"), /\r?\n/),
      timelineWeeks: num(form.get("timelineWeeks")),
      budgetCents: budget.cents,
      teamSize: num(form.get("teamSize")),
      techStack: list(form.get("techStack"), /,/),
      integrations: list(form.get("integrations"), /,/),
      compliance: list(form.get("compliance"), /,/),
    };
    const parsed = ZProjectRequestSchema.safeParse(input);
    if (!parsed.success || budget.error) {
      const errors = parsed.success ? {} : formErrors(parsed.error);
      setFieldErrors(budget.error ? { ...errors, budgetCents: budget.error } : errors);
      return;
    }
    setFieldErrors({});
    analyze.mutate({ leadId, request: parsed.data });
  }

  const err = (key: string) => fieldErrors[key] ?? fieldErrors[`request.${key}`];
  const shown = analyze.data ?? initial;
  const req = initial?.request;
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
          <form onSubmit={submit} className="grid gap-4" noValidate>
            <FormField id="feas-requirements" label="Requirements (one per line)" error={err("requirements")} required>
              <Textarea name="requirements" rows={5} defaultValue={req?.requirements.join("\n")} />
            </FormField>
            <div className="grid gap-4 sm:grid-cols-3">
              <FormField id="feas-weeks" label="Timeline (weeks)" error={err("timelineWeeks")} required>
                <Input
                  name="timelineWeeks"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  defaultValue={req?.timelineWeeks}
                />
              </FormField>
              <FormField id="feas-budget" label="Budget (USD)" error={err("budgetCents")} required>
                <Input
                  name="budget"
                  inputMode="decimal"
                  placeholder="e.g. 80000"
                  defaultValue={req ? formatMoneyPlain(req.budgetCents) : undefined}
                />
              </FormField>
              <FormField id="feas-team" label="Customer team size" error={err("teamSize")} required>
                <Input name="teamSize" type="number" inputMode="numeric" min={0} defaultValue={req?.teamSize} />
              </FormField>
            </div>
            <FormField id="feas-stack" label="Tech stack (comma-separated)" error={err("techStack")}>
              <Input
                name="techStack"
                placeholder="React, Node.js, PostgreSQL"
                defaultValue={req?.techStack.join(", ")}
              />
            </FormField>
            <FormField id="feas-integrations" label="Integrations (comma-separated)" error={err("integrations")}>
              <Input name="integrations" placeholder="Stripe, Salesforce" defaultValue={req?.integrations.join(", ")} />
            </FormField>
            <FormField id="feas-compliance" label="Compliance (comma-separated)" error={err("compliance")}>
              <Input name="compliance" placeholder="GDPR, SOC 2" defaultValue={req?.compliance.join(", ")} />
            </FormField>
            {analyze.error ? (
              <Alert variant="destructive">
                <AlertDescription>{analyze.error.message}</AlertDescription>
              </Alert>
            ) : null}
            <div>
              <Button type="submit" disabled={analyze.isPending}>
                {analyze.isPending ? "Analysing…" : "Analyse feasibility"}
              </Button>
            </div>
          </form>
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
