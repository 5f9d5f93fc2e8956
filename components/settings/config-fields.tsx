"use client";

import { createContext, useContext, useId } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils";
import { WEIGHT_SUM_TOLERANCE } from "@/domain/feasibility/config";
import { asArray, finite, formatNumber, getIn, parseNumber, pathKey, sumOf, tidy, type Path } from "./config-draft";

/**
 * The building blocks of the structured configuration forms. Every control reads and writes the
 * draft by path through DraftContext, shows the schema's message for its path, and is read-only for
 * users without config:write. Each control has a real <label>; `srPrefix` adds words only screen
 * readers hear (the tier or service a repeated label belongs to), which also keeps labels unique.
 */
export type DraftContextValue = {
  draft: unknown;
  errors: Record<string, string>;
  readOnly: boolean;
  idPrefix: string;
  /** text typed in inputs whose draft value is parsed (numbers, lists), by path key */
  raw: Record<string, string>;
  setValue: (path: Path, value: unknown, rawText?: string) => void;
};

export const DraftContext = createContext<DraftContextValue | null>(null);

export function useDraft(): DraftContextValue {
  const ctx = useContext(DraftContext);
  if (!ctx) throw new Error("useDraft outside DraftContext");
  return ctx;
}

export function fieldId(idPrefix: string, path: Path): string {
  return `${idPrefix}-${path
    .map(String)
    .join("-")
    .replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

function LabelText({ label, srPrefix }: { label: React.ReactNode; srPrefix?: string }) {
  return (
    <span>
      {srPrefix ? <span className="sr-only">{srPrefix}: </span> : null}
      {label}
    </span>
  );
}

type NumberOptions = { path: Path; scale?: number; min?: number; max?: number; step?: number | "any" };

/** The props of a number <input> bound to the draft (without its label: see NumberField). */
export function useNumberInput({ path, scale = 1, min, max, step = "any" }: NumberOptions) {
  const { draft, errors, readOnly, idPrefix, raw, setValue } = useDraft();
  const key = pathKey(path);
  const id = fieldId(idPrefix, path);
  const error = errors[key];
  return {
    id,
    error,
    input: {
      id,
      type: "number",
      inputMode: "decimal" as const,
      value: raw[key] ?? formatNumber(getIn(draft, path), scale),
      onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
        setValue(path, parseNumber(e.target.value, scale), e.target.value),
      readOnly,
      min,
      max,
      step,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": error ? `${id}-error` : undefined,
      className: "tabular-nums",
    },
  };
}

/** A bare number input with its error underneath, for table cells (label it elsewhere with htmlFor). */
export function NumberCell(props: NumberOptions & { className?: string }) {
  const { id, error, input } = useNumberInput(props);
  return (
    <div className={cn("grid gap-1", props.className)}>
      <Input {...input} />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-destructive whitespace-normal">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function NumberField({
  label,
  srPrefix,
  description,
  className,
  ...options
}: NumberOptions & { label: React.ReactNode; srPrefix?: string; description?: React.ReactNode; className?: string }) {
  const { id, error, input } = useNumberInput(options);
  const { id: _id, "aria-invalid": _invalid, "aria-describedby": _describedBy, ...rest } = input;
  return (
    <FormField
      id={id}
      label={<LabelText label={label} srPrefix={srPrefix} />}
      error={error}
      description={description}
      className={className}
    >
      <Input {...rest} />
    </FormField>
  );
}

export function TextField({
  path,
  label,
  srPrefix,
  description,
  className,
}: {
  path: Path;
  label: React.ReactNode;
  srPrefix?: string;
  description?: React.ReactNode;
  className?: string;
}) {
  const { draft, errors, readOnly, idPrefix, setValue } = useDraft();
  const id = fieldId(idPrefix, path);
  const value = getIn(draft, path);
  return (
    <FormField
      id={id}
      label={<LabelText label={label} srPrefix={srPrefix} />}
      error={errors[pathKey(path)]}
      description={description}
      className={className}
    >
      <Input
        value={typeof value === "string" ? value : ""}
        onChange={(e) => setValue(path, e.target.value)}
        readOnly={readOnly}
        autoComplete="off"
      />
    </FormField>
  );
}

/** A string list edited one item per line; `optional` lists become undefined when emptied. */
export function ListField({
  path,
  label,
  srPrefix,
  description,
  optional,
  className,
}: {
  path: Path;
  label: React.ReactNode;
  srPrefix?: string;
  description?: React.ReactNode;
  optional?: boolean;
  className?: string;
}) {
  const { draft, errors, readOnly, idPrefix, raw, setValue } = useDraft();
  const key = pathKey(path);
  const id = fieldId(idPrefix, path);
  const list = asArray(getIn(draft, path)).filter((v): v is string => typeof v === "string");
  const error = errors[key] ?? Object.entries(errors).find(([k]) => k.startsWith(`${key}.`))?.[1];
  return (
    <FormField
      id={id}
      label={<LabelText label={label} srPrefix={srPrefix} />}
      error={error}
      description={description}
      className={className}
    >
      <Textarea
        rows={Math.min(8, Math.max(2, list.length + 1))}
        value={raw[key] ?? list.join("\n")}
        onChange={(e) => {
          const items = e.target.value
            .split(/\r?\n/)
            .map((s) => s.trim())
            .filter((s) => s.length > 0);
          setValue(path, optional && items.length === 0 ? undefined : items, e.target.value);
        }}
        readOnly={readOnly}
        spellCheck={false}
      />
    </FormField>
  );
}

/** A boolean as a checkbox; read-only users get it disabled (a checkbox cannot be readonly). */
export function CheckboxField({
  path,
  label,
  srPrefix,
  className,
}: {
  path: Path;
  label: React.ReactNode;
  srPrefix?: string;
  className?: string;
}) {
  const { draft, errors, readOnly, idPrefix, setValue } = useDraft();
  const id = fieldId(idPrefix, path);
  const error = errors[pathKey(path)];
  return (
    <div className={cn("grid gap-1", className)}>
      <label htmlFor={id} className="flex items-center gap-2 text-sm">
        <input
          id={id}
          type="checkbox"
          className="size-4 accent-primary"
          checked={getIn(draft, path) === true}
          onChange={(e) => setValue(path, e.target.checked)}
          disabled={readOnly}
          aria-invalid={error ? true : undefined}
        />
        <LabelText label={label} srPrefix={srPrefix} />
      </label>
      {error ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A list of allowed values as a group of checkboxes (the list keeps the options' order). */
export function MultiCheckboxField<T extends string>({
  path,
  legend,
  srPrefix,
  options,
}: {
  path: Path;
  legend: string;
  srPrefix?: string;
  options: readonly { value: T; label: string }[];
}) {
  const { draft, errors, readOnly, idPrefix, setValue } = useDraft();
  const selected = new Set(asArray(getIn(draft, path)));
  const key = pathKey(path);
  const error = errors[key] ?? Object.entries(errors).find(([k]) => k.startsWith(`${key}.`))?.[1];
  return (
    <fieldset className="grid gap-2" aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium">
        <LabelText label={legend} srPrefix={srPrefix} />
      </legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {options.map((o) => {
          const id = fieldId(idPrefix, [...path, o.value]);
          return (
            <label key={o.value} htmlFor={id} className="flex items-center gap-2 text-sm">
              <input
                id={id}
                type="checkbox"
                className="size-4 accent-primary"
                checked={selected.has(o.value)}
                disabled={readOnly}
                onChange={(e) => {
                  const next = new Set(selected);
                  if (e.target.checked) next.add(o.value);
                  else next.delete(o.value);
                  setValue(
                    path,
                    options.map((x) => x.value).filter((v) => next.has(v)),
                  );
                }}
              />
              {srPrefix ? (
                <span className="sr-only">
                  {srPrefix} {legend}:{" "}
                </span>
              ) : null}
              {o.label}
            </label>
          );
        })}
      </div>
      {error ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A [from, to] pair with the pair's own message (e.g. "starts above where it ends") underneath. */
export function RangeFields({
  path,
  label,
  unit,
  srPrefix,
  scale,
  step,
  min,
  max,
  hideRangeError,
}: {
  path: Path;
  label: string;
  unit?: string;
  srPrefix?: string;
  scale?: number;
  step?: number | "any";
  min?: number;
  max?: number;
  hideRangeError?: boolean;
}) {
  const { errors } = useDraft();
  const error = errors[pathKey(path)];
  const suffix = unit ? ` (${unit})` : "";
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">{label}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <NumberField
          path={[...path, 0]}
          label={`From${suffix}`}
          srPrefix={[srPrefix, label].filter(Boolean).join(" ")}
          scale={scale}
          step={step}
          min={min}
          max={max}
        />
        <NumberField
          path={[...path, 1]}
          label={`To${suffix}`}
          srPrefix={[srPrefix, label].filter(Boolean).join(" ")}
          scale={scale}
          step={step}
          min={min}
          max={max}
        />
      </div>
      {error && !hideRangeError ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Live sum of a set of weights: green when it is 1, red with the current sum otherwise. */
export function WeightSum({ path, keys, what = "Weights" }: { path: Path; keys: readonly string[]; what?: string }) {
  const { draft } = useDraft();
  const values = keys.map((k) => getIn(draft, [...path, k]));
  const sum = sumOf(values);
  const ok = values.every((v) => finite(v) !== null) && Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE;
  return (
    <p role="status" className={cn("text-sm tabular-nums", ok ? "text-success" : "font-medium text-destructive")}>
      {ok ? `${what} sum to 1 ✓` : `${what} must sum to 1 (now ${tidy(sum)})`}
    </p>
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
