"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { NumberField, SelectField } from "@/components/ui/form-controls";
import {
  MANUAL_QUALITY_FIELDS,
  MANUAL_QUALITY_LABELS,
  QUALITY_TYPES,
  ZValidateQualitySchema,
  type ManualQualityField,
  type QualityType,
  type ValidateQualityInput,
} from "@/lib/schemas/quality";
import { useTRPC } from "@/trpc/client";
import { formatDate } from "@/lib/format";
import { QUALITY_TYPE_LABEL } from "@/lib/labels/quality-type";
import type { RouterOutputs } from "@/trpc/types";
import { validateQuality } from "@/domain/quality/validate";

type Preview = RouterOutputs["quality"]["history"]["preview"];

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

/**
 * Runs a quality validation. The preview runs the same pure engine the server runs, on the metrics the
 * server assembled from stored data plus what is typed here, so the score shown is the score stored.
 */
export function QualityValidationForm({ projectId, preview }: { projectId: string; preview: Preview }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(ZValidateQualitySchema),
    defaultValues: { projectId, type: "COMPREHENSIVE", manual: {} } as ValidateQualityInput,
  });
  const validate = useMutation(
    trpc.quality.validate.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => setServerError(form, error),
    }),
  );
  const type = useWatch({ control: form.control, name: "type" });
  const typed = useWatch({ control: form.control, name: "manual" });

  const fields = MANUAL_QUALITY_FIELDS.filter((f) => usesFamily(type, FIELD_FAMILY[f]));
  // only the families the chosen type measures are sent; a value that is not a number yet counts as not entered
  const manual = Object.fromEntries(
    fields.flatMap((f) => {
      const value = typed?.[f];
      return value === undefined || !Number.isFinite(value) ? [] : [[f, value]];
    }),
  ) as Partial<Record<ManualQualityField, number>>;
  // 13 comparisons: cheap enough to run on every keystroke
  const result = validateQuality(ENGINE_TYPE[type], { ...preview.metrics, ...manual }, preview.config);
  const submit = form.handleSubmit((input) =>
    validate.mutate({
      ...input,
      manual: Object.fromEntries(
        fields.flatMap((f) => (input.manual?.[f] === undefined ? [] : [[f, input.manual[f]]])),
      ),
    }),
  );

  return (
    <Form {...form}>
      <form
        className="grid gap-4 rounded-md border p-4"
        aria-labelledby="quality-form-title"
        noValidate
        onSubmit={(e) => void submit(e)}
      >
        <h3 id="quality-form-title" className="font-medium">
          Run a validation
        </h3>
        <FormRootError />
        <SelectField
          control={form.control}
          name="type"
          label="Validation type"
          options={QUALITY_TYPES.map((t) => ({ value: t, label: typeOption(t) }))}
        />
        {fields.length > 0 ? (
          <div className="grid gap-3 sm:grid-cols-2">
            {fields.map((f) => {
              const last = preview.manual[f];
              return (
                <NumberField
                  blank="undefined"
                  key={f}
                  control={form.control}
                  name={`manual.${f}`}
                  label={MANUAL_QUALITY_LABELS[f]}
                  description={
                    last
                      ? `Leave empty to keep ${last.value}% (entered by ${last.byName} on ${formatDate(last.at)}).`
                      : "Not entered yet: the gate fails without a value."
                  }
                  inputMode="decimal"
                  min={0}
                  max={100}
                  step="any"
                />
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
          <Button type="submit" disabled={validate.isPending}>
            {validate.isPending ? "Validating…" : "Run validation"}
          </Button>
        </div>
      </form>
    </Form>
  );
}
