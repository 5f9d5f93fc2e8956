"use client";

import { useState } from "react";
import type * as React from "react";
import type { Control, ControllerRenderProps, FieldPath, FieldValues } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { readListText } from "@/lib/form-input";
import { inputFromNumber, numberFromInput } from "@/lib/form-values";
import { cn } from "@/lib/utils";

/**
 * The common fields of the one form pattern (docs/architecture.md#one-way-for-each-thing), built from the
 * parts in form.tsx: a labelled text box, number box, list of lines, file box, select and checkbox bound to a
 * react-hook-form field. A field with an unusual control uses the parts directly (a number in a table cell:
 * `NumberInput` inside `FormControl`).
 */
type Bound<TValues extends FieldValues, TContext, TTransformed> = {
  control: Control<TValues, TContext, TTransformed>;
  name: FieldPath<TValues>;
  label: React.ReactNode;
  description?: React.ReactNode;
  required?: boolean;
  className?: string;
};

/** Label, one control, description and message: what every field here shares. */
function LabelledField<TValues extends FieldValues, TContext, TTransformed>({
  children,
  ...props
}: Bound<TValues, TContext, TTransformed> & {
  children: (field: ControllerRenderProps<TValues>) => React.ReactElement;
}) {
  return (
    <FormField
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <FormItem required={props.required} className={props.className}>
          <FormLabel>{props.label}</FormLabel>
          <FormControl>{children(field)}</FormControl>
          {props.description ? <FormDescription>{props.description}</FormDescription> : null}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

/** A field's own props apart from the rest, which go to its control. */
function split<TValues extends FieldValues, TContext, TTransformed, TRest>(
  props: Bound<TValues, TContext, TTransformed> & TRest,
): [Bound<TValues, TContext, TTransformed>, TRest] {
  const { control, name, label, description, required, className, ...rest } = props;
  return [{ control, name, label, description, required, className }, rest as TRest];
}

type Native = "name" | "value" | "onChange" | "onBlur" | "ref" | "defaultValue" | "className" | "required";
/** What a box takes besides the field: `maxLength`, `autoComplete`, …; `inputClassName` is the box's own class. */
type BoxProps = Omit<React.ComponentProps<"input">, Native> & { inputClassName?: string };

/** A text box (or, with `rows`, a text area) holding the field's text. */
export function TextField<TValues extends FieldValues, TContext, TTransformed>({
  rows,
  inputClassName,
  ...props
}: Bound<TValues, TContext, TTransformed> & BoxProps & { rows?: number }) {
  const [bound, input] = split(props);
  return (
    <LabelledField {...bound}>
      {(field) => {
        // a field the schema lets be null (an optional note) shows as an empty box
        const box = { ...field, value: field.value ?? "", className: inputClassName };
        return rows ? (
          <Textarea rows={rows} {...(input as React.ComponentProps<"textarea">)} {...box} />
        ) : (
          <Input {...input} {...box} />
        );
      }}
    </LabelledField>
  );
}

type NumberInputProps = Omit<React.ComponentProps<"input">, "type" | "value" | "defaultValue" | "onChange"> & {
  value: unknown;
  onChange: (value: number | null | undefined) => void;
  /** shown as the value ÷ scale and stored as typed × scale, rounded: 100 edits cents as dollars */
  scale?: number;
  /**
   * What a blank box holds. null by default: react-hook-form shows a field's default value in place of
   * undefined, so a cleared box would fill again, and the schema's own message says a number is missing.
   * "undefined" for a number the schema lets be left out (an optional entry with no default).
   */
  blank?: "null" | "undefined";
};

/** A number box for a field that holds a number (read as in lib/form-values.ts). */
export function NumberInput({ value, onChange, scale = 1, blank = "null", className, ...input }: NumberInputProps) {
  const n = typeof value === "number" ? value : undefined;
  const shown = n === undefined || scale === 1 ? n : Number((n / scale).toFixed(4));
  return (
    <Input
      type="number"
      inputMode="decimal"
      step="any"
      {...input}
      value={inputFromNumber(shown)}
      onChange={(e) => {
        const typed = numberFromInput(e.target.value);
        if (typed === undefined) onChange(blank === "null" ? null : undefined);
        else onChange(scale === 1 ? typed : Math.round(typed * scale));
      }}
      className={cn("tabular-nums", className)}
    />
  );
}

/** A labelled number box holding a number (see NumberInput); `inputClassName` is the box's own class. */
export function NumberField<TValues extends FieldValues, TContext, TTransformed>({
  inputClassName,
  ...props
}: Bound<TValues, TContext, TTransformed> &
  Omit<NumberInputProps, "value" | "onChange" | "name" | "required" | "className"> & { inputClassName?: string }) {
  const [bound, rest] = split(props);
  return (
    <LabelledField {...bound}>
      {(field) => <NumberInput {...rest} {...field} className={inputClassName} />}
    </LabelledField>
  );
}

const LINE = /\r?\n/;
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A text area holding a list of texts, one per line (trimmed, blank lines dropped; emptied: []). */
function LinesInput({
  value,
  onChange,
  ...textarea
}: Omit<React.ComponentProps<"textarea">, "value" | "defaultValue" | "onChange"> & {
  value: unknown;
  onChange: (value: string[]) => void;
}) {
  const list = Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  // the text as typed (a new line just started, a blank line) while it still reads as the field's list
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed !== null && sameList(readListText(typed, LINE), list) ? typed : list.join("\n");
  return (
    <Textarea
      rows={Math.min(8, Math.max(2, list.length + 1))}
      spellCheck={false}
      {...textarea}
      value={text}
      onChange={(e) => {
        setTyped(e.target.value);
        onChange(readListText(e.target.value, LINE));
      }}
    />
  );
}

/** A labelled list of texts, one per line. */
export function ListField<TValues extends FieldValues, TContext, TTransformed>(
  props: Bound<TValues, TContext, TTransformed> & Omit<React.ComponentProps<"textarea">, Native>,
) {
  const [bound, rest] = split(props);
  return <LabelledField {...bound}>{(field) => <LinesInput {...rest} {...field} />}</LabelledField>;
}

/** A file box holding the chosen File, or null; the browser shows the file's name itself, so it takes no value. */
export function FileField<TValues extends FieldValues, TContext, TTransformed>({
  inputClassName,
  ...props
}: Bound<TValues, TContext, TTransformed> & Omit<BoxProps, "type">) {
  const [bound, input] = split(props);
  return (
    <LabelledField {...bound}>
      {(field) => (
        <Input
          {...input}
          type="file"
          name={field.name}
          ref={field.ref}
          onBlur={field.onBlur}
          onChange={(event) => field.onChange(event.target.files?.[0] ?? null)}
          className={inputClassName}
        />
      )}
    </LabelledField>
  );
}

/** A native select over `options`; `placeholder` adds a first blank choice that reads as "not chosen". */
export function SelectField<TValues extends FieldValues, TContext, TTransformed>({
  options,
  placeholder,
  wrapperClassName,
  ...bound
}: Bound<TValues, TContext, TTransformed> & {
  options: readonly { value: string; label: string }[];
  placeholder?: string;
  wrapperClassName?: string;
}) {
  return (
    <LabelledField {...bound}>
      {(field) => (
        <NativeSelect
          {...field}
          value={field.value ?? ""}
          onChange={(e) => field.onChange(e.target.value)}
          wrapperClassName={wrapperClassName}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </NativeSelect>
      )}
    </LabelledField>
  );
}

/** A checkbox with its words beside it, holding true / false. */
export function CheckboxField<TValues extends FieldValues, TContext, TTransformed>({
  control,
  name,
  label,
  className = "flex items-center gap-2 text-sm",
  disabled,
}: Omit<Bound<TValues, TContext, TTransformed>, "description" | "required"> & { disabled?: boolean }) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <label className={className}>
          <input
            type="checkbox"
            checked={!!field.value}
            onChange={(e) => field.onChange(e.target.checked)}
            onBlur={field.onBlur}
            ref={field.ref}
            disabled={disabled}
            className="size-4 accent-primary"
          />
          {label}
        </label>
      )}
    />
  );
}
