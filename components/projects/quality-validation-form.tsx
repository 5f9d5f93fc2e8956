"use client";

import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import {
  MANUAL_QUALITY_FIELDS,
  MANUAL_QUALITY_LABELS,
  QUALITY_TYPES,
  type ManualQualityField,
  type QualityType,
} from "@/lib/schemas/quality";
import { useTRPC } from "@/trpc/client";
import { formatDate } from "@/lib/format";
import { QUALITY_TYPE_LABEL } from "@/lib/labels/quality-type";
import type { AppRouter } from "@/server/api/root";
import { validateQuality } from "@/domain/quality/validate";

type Preview = inferRouterOutputs<AppRouter>["quality"]["history"]["preview"];

/** The comprehensive validation also says how it weighs the three families. */
const typeOption = (t: QualityType) =>
  t === "COMPREHENSIVE" ? `${QUALITY_TYPE_LABEL[t]} (0.4 / 0.3 / 0.3)` : QUALITY_TYPE_LABEL[t];
const ENGINE_TYPE = { CODE: "code", DELIVERY: "delivery", PROCESS: "process", COMPREHENSIVE: "comprehensive" } as const;
const FIELD_FAMILY: Record<ManualQualityField, "delivery" | "process"> = {
  requirementsTraceability: "delivery",
  acceptanceCriteriaCoverage: "delivery",
  documentationCompleteness: "delivery",
  communicationResponsiveness: "process",
};
const usesFamily = (type: QualityType, family: "delivery" | "process") =>
  type === "COMPREHENSIVE" || ENGINE_TYPE[type] === family;

/** "" → not entered (the last entry carries over); otherwise a 0–100 number or an error message. */
function parsePercent(raw: string): { value?: number; error?: string } {
  if (raw.trim() === "") return {};
  const n = Number(raw);
  if (!Number.isFinite(n)) return { error: "Enter a number" };
  if (n < 0 || n > 100) return { error: "Enter a percentage from 0 to 100" };
  return { value: n };
}

/**
 * Runs a quality validation. The preview runs the same pure engine the server runs, on the metrics the
 * server assembled from stored data plus what is typed here, so the score shown is the score stored.
 */
export function QualityValidationForm({
  projectId,
  preview,
  onDone,
}: {
  projectId: string;
  preview: Preview;
  onDone: () => void | Promise<void>;
}) {
  const trpc = useTRPC();
  const validate = useMutation(trpc.quality.validate.mutationOptions({ onSuccess: onDone }));
  const [type, setType] = useState<QualityType>("COMPREHENSIVE");
  const [raw, setRaw] = useState<Record<ManualQualityField, string>>({
    requirementsTraceability: "",
    acceptanceCriteriaCoverage: "",
    documentationCompleteness: "",
    communicationResponsiveness: "",
  });

  const fields = MANUAL_QUALITY_FIELDS.filter((f) => usesFamily(type, FIELD_FAMILY[f]));
  const parsed = Object.fromEntries(fields.map((f) => [f, parsePercent(raw[f])])) as Partial<
    Record<ManualQualityField, { value?: number; error?: string }>
  >;
  const manual = Object.fromEntries(
    fields.flatMap((f) => (parsed[f]?.value === undefined ? [] : [[f, parsed[f]?.value]])),
  ) as Partial<Record<ManualQualityField, number>>;
  const hasErrors = fields.some((f) => parsed[f]?.error);
  // 13 comparisons: cheap enough to run on every keystroke
  const result = validateQuality(ENGINE_TYPE[type], { ...preview.metrics, ...manual }, preview.config);
  const serverErrors = validate.error?.data?.fieldErrors ?? {};

  return (
    <form
      className="grid gap-4 rounded-md border p-4"
      aria-labelledby="quality-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!hasErrors) validate.mutate({ projectId, type, manual });
      }}
    >
      <h3 id="quality-form-title" className="font-medium">
        Run a validation
      </h3>
      <FormField id="quality-type" label="Validation type">
        <NativeSelect value={type} onChange={(e) => setType(e.target.value as QualityType)}>
          {QUALITY_TYPES.map((t) => (
            <option key={t} value={t}>
              {typeOption(t)}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      {fields.length > 0 ? (
        <div className="grid gap-3 sm:grid-cols-2">
          {fields.map((f) => {
            const last = preview.manual[f];
            return (
              <FormField
                key={f}
                id={`quality-${f}`}
                label={MANUAL_QUALITY_LABELS[f]}
                error={parsed[f]?.error ?? serverErrors[`manual.${f}`]}
                description={
                  last
                    ? `Leave empty to keep ${last.value}% (entered by ${last.byName} on ${formatDate(last.at)}).`
                    : "Not entered yet: the gate fails without a value."
                }
              >
                <Input
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={100}
                  step="any"
                  value={raw[f]}
                  onChange={(e) => setRaw({ ...raw, [f]: e.target.value })}
                />
              </FormField>
            );
          })}
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">Code gates read the latest CI evidence; nothing to enter.</p>
      )}

      <section aria-label="Live preview" aria-live="polite" className="grid gap-1 rounded-md bg-muted/50 p-3 text-sm">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium">Preview: score {result.score}</span>
          <span className="text-muted-foreground">
            {result.gatesPassed} gates passed, {result.gatesFailed} failed
          </span>
          {result.escalate ? (
            <Badge variant="destructive">Would escalate</Badge>
          ) : (
            <Badge variant="success">No escalation</Badge>
          )}
        </p>
        <p className="text-muted-foreground">{result.scoreReason}</p>
        {result.escalationReasons.map((r) => (
          <p key={r} className="text-destructive">
            {r}
          </p>
        ))}
      </section>

      {validate.error ? (
        <Alert variant="destructive">
          <AlertDescription>{validate.error.message}</AlertDescription>
        </Alert>
      ) : null}
      {validate.data ? (
        <Alert variant="success">
          <AlertDescription>
            Stored: {QUALITY_TYPE_LABEL[validate.data.type]} score {validate.data.score}
            {validate.data.escalation?.created
              ? " — escalated: an alert and an action for the technical lead were raised."
              : validate.data.escalated
                ? " — escalated (an open quality alert already covers it)."
                : "."}
          </AlertDescription>
        </Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={validate.isPending || hasErrors}>
          {validate.isPending ? "Validating…" : "Run validation"}
        </Button>
      </div>
    </form>
  );
}
