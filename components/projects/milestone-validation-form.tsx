"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/trpc/client";
import { ACTION_KIND_LABEL } from "@/lib/labels/action-kind";
import { validateMilestone, type MilestoneValidationStatus } from "@/domain/milestones/validate";
import type { QualityGates } from "@/domain/quality/config";
import type { MilestoneView, ProjectView } from "./types";
import { fieldErrorsOf } from "@/lib/form-errors";

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

/** "" → not scored; otherwise a number (possibly out of range, which the preview and the server refuse). */
const parse = (v: string): number | null => (v.trim() === "" ? null : Number(v));

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
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      milestone.criteria.map((c) => [
        c.id,
        c.score === null || (c.evidence as { source?: string } | null)?.source === "evidence" ? "" : String(c.score),
      ]),
    ),
  );
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const validate = useMutation(
    trpc.projects.validateMilestone.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => setFieldErrors(fieldErrorsOf(error)),
    }),
  );

  const invalid = milestone.criteria.filter((c) => {
    const n = parse(values[c.id] ?? "");
    return n !== null && (!Number.isFinite(n) || n < 0 || n > 100);
  });
  const preview = useMemo(
    () =>
      validateMilestone({
        minimumSuccessThreshold: milestone.minimumSuccessThreshold,
        escalationThreshold: milestone.escalationThreshold,
        evidence,
        gates,
        criteria: milestone.criteria.map((c) => {
          const n = parse(values[c.id] ?? "");
          return {
            name: c.name,
            weight: c.weight,
            validationMethod: c.validationMethod,
            deliverable: c.deliverable,
            requiresSignOff: c.requiresSignOff,
            score: n !== null && Number.isFinite(n) ? n : null,
            signOff: c.signOffs[0]?.decision ?? null,
          };
        }),
      }),
    [milestone, values, evidence, gates],
  );
  const status = ENGINE_STATUS[preview.status];

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (invalid.length > 0) return;
    setFieldErrors({});
    validate.mutate({
      milestoneId: milestone.id,
      scores: milestone.criteria.map((c) => ({ criterionId: c.id, score: parse(values[c.id] ?? "") })),
    });
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="grid gap-4 rounded-md border p-3"
      aria-label={`Validate week ${milestone.weekNumber}`}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {milestone.criteria.map((c, i) => {
          const n = parse(values[c.id] ?? "");
          const error =
            fieldErrors[`scores.${i}.score`] ??
            (n !== null && (!Number.isFinite(n) || n < 0 || n > 100) ? "Scores are from 0 to 100" : undefined);
          const id = `score-${c.id}`;
          return (
            <div key={c.id} className="grid gap-1">
              <label htmlFor={id} className="text-sm font-medium">
                {c.name} <span className="font-normal text-muted-foreground">({Math.round(c.weight * 100)}%)</span>
              </label>
              <Input
                id={id}
                inputMode="decimal"
                value={values[c.id] ?? ""}
                placeholder={c.requiresSignOff ? "after sign-off" : "0–100"}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : `${id}-hint`}
                onChange={(e) => setValues((v) => ({ ...v, [c.id]: e.target.value }))}
              />
              {error ? (
                <p id={`${id}-error`} className="text-xs text-destructive">
                  {error}
                </p>
              ) : (
                <p id={`${id}-hint`} className="text-xs text-muted-foreground">
                  {preview.contributions[i]?.reason}
                </p>
              )}
            </div>
          );
        })}
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
      {validate.error ? (
        <Alert variant="destructive">
          <AlertDescription>{validate.error.message}</AlertDescription>
        </Alert>
      ) : null}
      {validate.data ? (
        <Alert variant="success">
          <AlertDescription>
            Week {milestone.weekNumber} validated: {validate.data.result.score.toFixed(2)},{" "}
            {ENGINE_STATUS[validate.data.result.status].label.toLowerCase()}.
          </AlertDescription>
        </Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={validate.isPending || invalid.length > 0}>
          {validate.isPending ? "Validating…" : `Validate week ${milestone.weekNumber}`}
        </Button>
      </div>
    </form>
  );
}
