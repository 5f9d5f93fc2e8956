"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { LEAD_STAGE_LABEL } from "@/lib/labels/lead-stage";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormField, FormRootError, setServerError } from "@/components/ui/form";
import { CheckboxField, TextField } from "@/components/ui/form-controls";
import { numberText, readNumberText } from "@/lib/form-input";
import { ANSWER_LEVELS, ZQualificationContextSchema } from "@/lib/schemas/qualification";
import { useTRPC } from "@/trpc/client";
import { categoryLabel, criterionLabel, type Answer, type QualificationConfig } from "@/domain/qualification/config";
import { scoreQualification, type QualificationContext } from "@/domain/qualification/score";
import { CriterionRadios } from "./criterion-radios";
import { QualificationPreview } from "./qualification-preview";
import type { StoredAnswers } from "./types";

/** `config` is the tenant's current qualification configuration: its criteria make the form. */
type Props = { leadId: string; initial: StoredAnswers | null; config: QualificationConfig; configVersion: number };

/** The shared context schema with the timeline typed as text; a blank criterion is allowed (it counts as none). */
const ZQualificationForm = z.object({
  answers: z.record(z.string(), z.enum(ANSWER_LEVELS).optional()),
  context: ZQualificationContextSchema.extend({
    desiredTimelineWeeks: numberText(ZQualificationContextSchema.shape.desiredTimelineWeeks),
    businessCritical: z.boolean(),
    hasFallbackPlan: z.boolean(),
  }),
});
type FormValues = z.input<typeof ZQualificationForm>;

/** The preview scores what is typed so far: a timeline that is not yet a valid number is left out. */
function previewContext(context: FormValues["context"] | undefined): QualificationContext {
  const parsed = ZQualificationContextSchema.shape.desiredTimelineWeeks.safeParse(
    readNumberText(context?.desiredTimelineWeeks ?? ""),
  );
  return {
    ...(parsed.success && parsed.data !== undefined ? { desiredTimelineWeeks: parsed.data } : {}),
    businessCritical: context?.businessCritical ?? false,
    hasFallbackPlan: context?.hasFallbackPlan ?? false,
  };
}

export function QualificationForm({ leadId, initial, config: CONFIG, configVersion }: Props) {
  const CRITERION_KEYS = useMemo(() => Object.values(CONFIG.criteria).flatMap((c) => Object.keys(c)), [CONFIG]);
  const trpc = useTRPC();
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(ZQualificationForm),
    defaultValues: {
      // answers to criteria the tenant has since removed are dropped
      answers: Object.fromEntries(
        Object.entries(initial?.answers ?? {}).filter(([k]) => Object.values(CONFIG.criteria).some((c) => k in c)),
      ),
      context: {
        desiredTimelineWeeks: initial?.context.desiredTimelineWeeks?.toString() ?? "",
        businessCritical: initial?.context.businessCritical ?? false,
        hasFallbackPlan: initial?.context.hasFallbackPlan ?? false,
      },
    },
  });
  const answers = useWatch({ control: form.control, name: "answers" });
  const context = useWatch({ control: form.control, name: "context" });
  const preview = useMemo(
    () => scoreQualification(answers as Record<string, Answer>, previewContext(context), CONFIG),
    [answers, context, CONFIG],
  );

  const save = useMutation(
    trpc.qualification.save.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => setServerError(form, error),
    }),
  );

  const submit = (isDraft: boolean) =>
    form.handleSubmit((values) => {
      // a blank criterion counts as "none": send it so the stored answers are complete
      const full = Object.fromEntries(CRITERION_KEYS.map((k) => [k, values.answers[k] ?? "none"]));
      save.mutate({ leadId, answers: full, context: values.context, isDraft });
    });

  const saved = save.data;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Qualification</CardTitle>
        <CardDescription>Answer each criterion: full, partial or none (blank counts as none).</CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form
            onSubmit={(e) => void submit(false)(e)}
            className="grid gap-6 lg:grid-cols-[1fr_minmax(0,22rem)]"
            noValidate
          >
            <div className="grid gap-5">
              {Object.entries(CONFIG.criteria).map(([category, criteria]) => (
                <section key={category} aria-labelledby={`cat-${category}`} className="grid gap-2">
                  <h3 id={`cat-${category}`} className="font-medium">
                    {categoryLabel(category)}
                  </h3>
                  <div className="grid gap-2 sm:grid-cols-2">
                    {Object.entries(criteria).map(([key, max]) => (
                      <FormField
                        key={key}
                        control={form.control}
                        name={`answers.${key}`}
                        render={({ field }) => (
                          <CriterionRadios
                            criterionKey={key}
                            label={criterionLabel(key)}
                            maxPoints={max}
                            partialCredit={CONFIG.partialCredit}
                            value={field.value}
                            onChange={field.onChange}
                          />
                        )}
                      />
                    ))}
                  </div>
                </section>
              ))}
              <section aria-labelledby="context-heading" className="grid gap-3">
                <h3 id="context-heading" className="font-medium">
                  Context
                </h3>
                <TextField
                  control={form.control}
                  name="context.desiredTimelineWeeks"
                  label="Desired timeline (weeks)"
                  className="max-w-xs"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={520}
                />
                <CheckboxField
                  control={form.control}
                  name="context.businessCritical"
                  label="The system is business critical"
                />
                <CheckboxField control={form.control} name="context.hasFallbackPlan" label="A fallback plan exists" />
              </section>
              <FormRootError />
              {saved ? (
                <Alert variant="success">
                  <AlertDescription>
                    Saved{save.variables?.isDraft ? " as draft" : ""}: score {saved.result.score.toFixed(1)}/100 (
                    {saved.result.points}/{saved.result.maxPoints} points, configuration v{saved.configVersion}); lead
                    stage is now {LEAD_STAGE_LABEL[saved.stage]}.
                  </AlertDescription>
                </Alert>
              ) : null}
              <div className="flex flex-wrap gap-2">
                <Button type="button" variant="outline" disabled={save.isPending} onClick={(e) => void submit(true)(e)}>
                  {save.isPending && save.variables?.isDraft ? "Saving…" : "Save draft"}
                </Button>
                <Button type="submit" disabled={save.isPending}>
                  {save.isPending && !save.variables?.isDraft ? "Saving…" : "Save assessment"}
                </Button>
              </div>
            </div>
            <div className="lg:sticky lg:top-4 lg:self-start">
              <QualificationPreview result={preview} configVersion={saved?.configVersion ?? configVersion} />
            </div>
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}
