"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { LEAD_STAGE } from "@/components/shell/labels";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/trpc/client";
import { categoryLabel, criterionLabel, type Answer, type QualificationConfig } from "@/domain/qualification/config";
import { scoreQualification, type QualificationContext } from "@/domain/qualification/score";
import { CriterionRadios } from "./criterion-radios";
import { QualificationPreview } from "./qualification-preview";
import type { StoredAnswers } from "./types";

/** `config` is the tenant's current qualification configuration: its criteria make the form. */
type Props = { leadId: string; initial: StoredAnswers | null; config: QualificationConfig; configVersion: number };

export function QualificationForm({ leadId, initial, config: CONFIG, configVersion }: Props) {
  const CRITERION_KEYS = useMemo(() => Object.values(CONFIG.criteria).flatMap((c) => Object.keys(c)), [CONFIG]);
  const trpc = useTRPC();
  const router = useRouter();
  // answers to criteria the tenant has since removed are dropped
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(
      Object.entries(initial?.answers ?? {}).filter(([k]) => Object.values(CONFIG.criteria).some((c) => k in c)),
    ),
  );
  const [weeks, setWeeks] = useState(initial?.context.desiredTimelineWeeks?.toString() ?? "");
  const [businessCritical, setBusinessCritical] = useState(initial?.context.businessCritical ?? false);
  const [hasFallbackPlan, setHasFallbackPlan] = useState(initial?.context.hasFallbackPlan ?? false);
  const [weeksError, setWeeksError] = useState<string | null>(null);

  const context = useMemo<QualificationContext>(() => {
    const n = Number(weeks);
    return {
      ...(weeks.trim() !== "" && Number.isInteger(n) && n >= 1 ? { desiredTimelineWeeks: n } : {}),
      businessCritical,
      hasFallbackPlan,
    };
  }, [weeks, businessCritical, hasFallbackPlan]);
  const preview = useMemo(() => scoreQualification(answers, context, CONFIG), [answers, context, CONFIG]);

  const save = useMutation(trpc.qualification.save.mutationOptions({ onSuccess: () => router.refresh() }));

  function submit(isDraft: boolean) {
    const n = Number(weeks);
    if (weeks.trim() !== "" && (!Number.isInteger(n) || n < 1 || n > 520)) {
      setWeeksError("Enter the desired timeline as whole weeks from 1 to 520");
      return;
    }
    setWeeksError(null);
    // a blank criterion counts as "none": send it so the stored answers are complete
    const full = Object.fromEntries(CRITERION_KEYS.map((k) => [k, answers[k] ?? "none"]));
    save.mutate({ leadId, answers: full, context, isDraft });
  }

  const saved = save.data;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Qualification</CardTitle>
        <CardDescription>Answer each criterion: full, partial or none (blank counts as none).</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit(false);
          }}
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
                    <CriterionRadios
                      key={key}
                      criterionKey={key}
                      label={criterionLabel(key)}
                      maxPoints={max}
                      partialCredit={CONFIG.partialCredit}
                      value={answers[key]}
                      onChange={(v) => setAnswers((a) => ({ ...a, [key]: v }))}
                    />
                  ))}
                </div>
              </section>
            ))}
            <section aria-labelledby="context-heading" className="grid gap-3">
              <h3 id="context-heading" className="font-medium">
                Context
              </h3>
              <FormField id="qual-weeks" label="Desired timeline (weeks)" error={weeksError} className="max-w-xs">
                <Input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={520}
                  value={weeks}
                  onChange={(e) => setWeeks(e.target.value)}
                />
              </FormField>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={businessCritical}
                  onChange={(e) => setBusinessCritical(e.target.checked)}
                  className="size-4 accent-primary"
                />
                The system is business critical
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={hasFallbackPlan}
                  onChange={(e) => setHasFallbackPlan(e.target.checked)}
                  className="size-4 accent-primary"
                />
                A fallback plan exists
              </label>
            </section>
            {save.error ? (
              <Alert variant="destructive">
                <AlertDescription>{save.error.message}</AlertDescription>
              </Alert>
            ) : null}
            {saved ? (
              <Alert variant="success">
                <AlertDescription>
                  Saved{save.variables?.isDraft ? " as draft" : ""}: score {saved.result.score.toFixed(1)}/100 (
                  {saved.result.points}/{saved.result.maxPoints} points, configuration v{saved.configVersion}); lead
                  stage is now {LEAD_STAGE[saved.stage] ?? saved.stage}.
                </AlertDescription>
              </Alert>
            ) : null}
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="outline" disabled={save.isPending} onClick={() => submit(true)}>
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
      </CardContent>
    </Card>
  );
}
