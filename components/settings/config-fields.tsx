"use client";

import { createContext, useContext, useId } from "react";
import { useFormContext, useFormState, useWatch, type FieldValues } from "react-hook-form";
import { FormField, FormItem, FormMessage } from "@/components/ui/form";
import {
  CheckboxField as CheckboxControl,
  ListField as ListControl,
  NumberField as NumberControl,
  TextField as TextControl,
} from "@/components/ui/form-controls";
import { cn } from "@/lib/utils";
import { WEIGHT_SUM_TOLERANCE } from "@/domain/feasibility/config";
import { asArray, asRecord, finite, sumOf, tidy } from "./config-draft";

/**
 * The building blocks of the structured configuration forms, on the one form pattern
 * (docs/architecture.md#forms): the draft is the react-hook-form state of the draft editor, checked by the
 * engine's schema; each field is named by its dotted path ("weights.technical"), the key the server's field
 * errors use too, so a refusal lands under its field. Fields are read-only for users without config:write.
 * Each control has a real <label>; `srPrefix` adds words only screen readers hear (the tier or service a
 * repeated label belongs to), which also keeps labels unique.
 */
export type ConfigValues = FieldValues;

export const ConfigReadOnly = createContext(true);

function useConfigForm() {
  const { control } = useFormContext<ConfigValues>();
  return { control, readOnly: useContext(ConfigReadOnly) };
}

/** The draft as it is being edited: what the live previews read. */
export function useDraft(): ConfigValues {
  return useWatch<ConfigValues>();
}

/** A record's keys that can name a field: a dot or a bracket would split the path (edit those as JSON). */
export const fieldKeys = (record: Record<string, unknown>): string[] =>
  Object.keys(record).filter((key) => !/[.[\]]/.test(key));

export function LabelText({ label, srPrefix }: { label: React.ReactNode; srPrefix?: string }) {
  return (
    <span>
      {srPrefix ? <span className="sr-only">{srPrefix}: </span> : null}
      {label}
    </span>
  );
}

type Labelled = {
  name: string;
  label: React.ReactNode;
  srPrefix?: string;
  description?: React.ReactNode;
  className?: string;
};

export function NumberField({
  label,
  srPrefix,
  ...props
}: Labelled & { scale?: number; min?: number; max?: number; step?: number | "any" }) {
  const { control, readOnly } = useConfigForm();
  return (
    <NumberControl
      control={control}
      label={<LabelText label={label} srPrefix={srPrefix} />}
      readOnly={readOnly}
      {...props}
    />
  );
}

export function TextField({ label, srPrefix, ...props }: Labelled) {
  const { control, readOnly } = useConfigForm();
  return (
    <TextControl
      control={control}
      label={<LabelText label={label} srPrefix={srPrefix} />}
      readOnly={readOnly}
      autoComplete="off"
      {...props}
    />
  );
}

/** A list of texts edited one item per line. */
export function ListField({ label, srPrefix, ...props }: Labelled) {
  const { control, readOnly } = useConfigForm();
  return (
    <ListControl
      control={control}
      label={<LabelText label={label} srPrefix={srPrefix} />}
      readOnly={readOnly}
      {...props}
    />
  );
}

/** A boolean as a checkbox; read-only users get it disabled (a checkbox cannot be readonly). */
export function CheckboxField({ name, label, srPrefix, className }: Omit<Labelled, "description">) {
  const { control, readOnly } = useConfigForm();
  return (
    <CheckboxControl
      control={control}
      name={name}
      label={<LabelText label={label} srPrefix={srPrefix} />}
      disabled={readOnly}
      className={cn("flex items-center gap-2 text-sm", className)}
    />
  );
}

/** A list of allowed values as a group of checkboxes (the list keeps the options' order). */
export function MultiCheckboxField<T extends string>({
  name,
  legend,
  srPrefix,
  options,
}: {
  name: string;
  legend: string;
  srPrefix?: string;
  options: readonly { value: T; label: string }[];
}) {
  const { control, readOnly } = useConfigForm();
  return (
    <FormField
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const selected = new Set(asArray(field.value));
        return (
          <FormItem asChild>
            <fieldset className="grid gap-2" aria-invalid={fieldState.error ? true : undefined}>
              <legend className="mb-1 text-sm font-medium">
                <LabelText label={legend} srPrefix={srPrefix} />
              </legend>
              <div className="flex flex-wrap gap-x-4 gap-y-2">
                {options.map((o, i) => (
                  <label key={o.value} className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="size-4 accent-primary"
                      checked={selected.has(o.value)}
                      disabled={readOnly}
                      ref={i === 0 ? field.ref : undefined}
                      onBlur={field.onBlur}
                      onChange={(e) => {
                        const next = new Set(selected);
                        if (e.target.checked) next.add(o.value);
                        else next.delete(o.value);
                        field.onChange(options.map((x) => x.value).filter((v) => next.has(v)));
                      }}
                    />
                    {srPrefix ? (
                      <span className="sr-only">
                        {srPrefix} {legend}:{" "}
                      </span>
                    ) : null}
                    {o.label}
                  </label>
                ))}
              </div>
              <FormMessage />
            </fieldset>
          </FormItem>
        );
      }}
    />
  );
}

/**
 * The message about a group itself (a range that starts above its end, a category without criteria, weights
 * that do not add up), not about one of its fields. `serverOnly` where a live preview already says what the
 * schema says, so only the server's refusal needs the words.
 */
export function GroupMessage({ name, serverOnly }: { name: string; serverOnly?: boolean }) {
  const { control, getFieldState } = useFormContext<ConfigValues>();
  const state = useFormState({ control, name, exact: true });
  const error = getFieldState(name, state).error;
  if (!error?.message || (serverOnly && error.type !== "server")) return null;
  return (
    <p role="alert" className="text-sm font-medium text-destructive">
      {error.message}
    </p>
  );
}

/** A [from, to] pair with the pair's own message (e.g. "starts above where it ends") underneath. */
export function RangeFields({
  name,
  label,
  unit,
  srPrefix,
  scale,
  step,
  min,
  max,
}: {
  name: string;
  label: string;
  unit?: string;
  srPrefix?: string;
  scale?: number;
  step?: number | "any";
  min?: number;
  max?: number;
}) {
  const suffix = unit ? ` (${unit})` : "";
  const prefix = [srPrefix, label].filter(Boolean).join(" ");
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">{label}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {(["From", "To"] as const).map((end, i) => (
          <NumberField
            key={end}
            name={`${name}.${i}`}
            label={`${end}${suffix}`}
            srPrefix={prefix}
            scale={scale}
            step={step}
            min={min}
            max={max}
          />
        ))}
      </div>
      <GroupMessage name={name} />
    </fieldset>
  );
}

/** Live sum of a set of weights: green when it is 1, red with the current sum otherwise. */
export function WeightSum({ name, keys, what = "Weights" }: { name: string; keys: readonly string[]; what?: string }) {
  const weights: unknown = useWatch<ConfigValues>({ name });
  const values = keys.map((k) => asRecord(weights)[k]);
  const sum = sumOf(values);
  const ok = values.every((v) => finite(v) !== null) && Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE;
  return (
    <>
      <p role="status" className={cn("text-sm tabular-nums", ok ? "text-success" : "font-medium text-destructive")}>
        {ok ? `${what} sum to 1 ✓` : `${what} must sum to 1 (now ${tidy(sum)})`}
      </p>
      <GroupMessage name={name} serverOnly />
    </>
  );
}

export function Section({
  title,
  description,
  children,
  className,
}: {
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={cn("grid gap-4 rounded-lg border p-4", className)}>
      <div className="grid gap-1">
        <h3 id={id} className="font-medium">
          {title}
        </h3>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
