"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Form,
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  FormRootError,
  setServerError,
} from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { inputFromNumber, numberFromInput } from "@/lib/form-values";
import { ZValidateMilestoneSchema } from "@/lib/schemas/projects";
import { useTRPC } from "@/trpc/client";
import { ACTION_KIND_LABEL } from "@/lib/labels/action-kind";
import { validateMilestone, type MilestoneValidationStatus } from "@/domain/milestones/validate";
import type { QualityGates } from "@/domain/quality/config";
import type { MilestoneView, ProjectView } from "./types";

export const ENGINE_STATUS: Record<
  MilestoneValidationStatus,
  { label: string; tone: NonNullable<BadgeProps["variant"]> }
> = {
  success: { label: "Success", tone: "success" },
  at_risk: { label: "At risk", tone: "warning" },
  failed: { label: "Failed", tone: "destructive" },
  pending_sign_off: { label: "Waiting for sign-off", tone: "secondary" },
  not_scored: { label: "Not fully scored", tone: "secondary" },
};

/**
 * The technical lead's weekly validation: a score per criterion, a live preview of the weighted score,
 * status and actions computed by the same engine the server runs, then "Validate week N".
 */
export function MilestoneValidationForm({
  milestone,
  evidence,
  gates,
}: {
  milestone: MilestoneView;
  evidence: ProjectView["latestEvidence"];
  gates: QualityGates;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(ZValidateMilestoneSchema),
    defaultValues: {
      milestoneId: milestone.id,
      // a score the CI evidence filled in is not the lead's: the box starts empty and the evidence still counts
      scores: milestone.criteria.map((c) => ({
        criterionId: c.id,
        score: c.score === null || (c.evidence as { source?: string } | null)?.source === "evidence" ? null : c.score,
      })),
    },
  });
  const validate = useMutation(
    trpc.projects.validateMilestone.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => setServerError(form, error),
    }),
  );
  const scores = useWatch({ control: form.control, name: "scores" });
  const preview = useMemo(
    () =>
      validateMilestone({
        minimumSuccessThreshold: milestone.minimumSuccessThreshold,
        escalationThreshold: milestone.escalationThreshold,
        evidence,
        gates,
        criteria: milestone.criteria.map((c, i) => {
          // a score out of range or not a number is left out of the preview; the schema refuses it on submit
          const n = scores[i]?.score;
          return {
            name: c.name,
            weight: c.weight,
            validationMethod: c.validationMethod,
            deliverable: c.deliverable,
            requiresSignOff: c.requiresSignOff,
            score: typeof n === "number" && Number.isFinite(n) && n >= 0 && n <= 100 ? n : null,
            signOff: c.signOffs[0]?.decision ?? null,
          };
        }),
      }),
    [milestone, scores, evidence, gates],
  );
  const status = ENGINE_STATUS[preview.status];

  const submit = form.handleSubmit((input) => validate.mutate(input));

  return (
    <Form {...form}>
      <form
        onSubmit={(e) => void submit(e)}
        noValidate
        className="grid gap-4 rounded-md border p-3"
        aria-label={`Validate week ${milestone.weekNumber}`}
      >
        <div className="grid gap-3 sm:grid-cols-2">
          {milestone.criteria.map((c, i) => (
            <FormField
              key={c.id}
              control={form.control}
              name={`scores.${i}.score`}
              render={({ field }) => (
                <FormItem className="gap-1">
                  <FormLabel>
                    {c.name} <span className="font-normal text-muted-foreground">({Math.round(c.weight * 100)}%)</span>
                  </FormLabel>
                  <FormControl>
                    <Input
                      type="number"
                      inputMode="decimal"
                      min={0}
                      max={100}
                      step="any"
                      placeholder={c.requiresSignOff ? "after sign-off" : "0–100"}
                      name={field.name}
                      ref={field.ref}
                      onBlur={field.onBlur}
                      value={inputFromNumber(field.value)}
                      onChange={(e) => field.onChange(numberFromInput(e.target.value) ?? null)}
                    />
                  </FormControl>
                  <FormMessage className="text-xs" />
                  <FormDescription className="text-xs">{preview.contributions[i]?.reason}</FormDescription>
                </FormItem>
              )}
            />
          ))}
        </div>
        <section aria-live="polite" aria-label="Preview" className="grid gap-2 rounded-md bg-muted/40 p-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <span>Preview:</span>
            <span className="text-lg font-semibold tabular-nums">{preview.score.toFixed(2)}</span>
            <Badge variant={status.tone}>{status.label}</Badge>
            <span className="text-muted-foreground">
              success ≥ {milestone.minimumSuccessThreshold}, escalation ≥ {milestone.escalationThreshold}
              {preview.provisional ? `; best case ${preview.bestCaseScore.toFixed(2)}` : ""}
            </span>
          </div>
          <ul className="list-disc pl-5">
            {preview.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          {preview.actions.length > 0 ? (
            <div>
              <p className="font-medium">Actions this validation will create</p>
              <ul className="list-disc pl-5">
                {preview.actions.map((a) => (
                  <li key={a.title}>
                    <span className="font-medium">{ACTION_KIND_LABEL[a.kind]}:</span> {a.title}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
        <FormRootError />
        {validate.data ? (
          <Alert variant="success">
            <AlertDescription>
              Week {milestone.weekNumber} validated: {validate.data.result.score.toFixed(2)},{" "}
              {ENGINE_STATUS[validate.data.result.status].label.toLowerCase()}.
            </AlertDescription>
          </Alert>
        ) : null}
        <div>
          <Button type="submit" disabled={validate.isPending}>
            {validate.isPending ? "Validating…" : `Validate week ${milestone.weekNumber}`}
          </Button>
        </div>
      </form>
    </Form>
  );
}
