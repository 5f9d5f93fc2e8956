"use client";

import type * as React from "react";
import type { Control, ControllerRenderProps, FieldPath, FieldValues } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

/**
 * The common fields of the one form pattern (docs/architecture.md#one-way-for-each-thing), built from the
 * parts in form.tsx: a labelled text box, a select and a checkbox bound to a react-hook-form field. A field
 * with an unusual control uses the parts directly.
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

type Native = "name" | "value" | "onChange" | "onBlur" | "ref" | "defaultValue" | "className" | "required";

/** A text box (or, with `rows`, a text area) holding the field's text. */
export function TextField<TValues extends FieldValues, TContext, TTransformed>({
  control,
  name,
  label,
  description,
  required,
  className,
  rows,
  ...input
}: Bound<TValues, TContext, TTransformed> & Omit<React.ComponentProps<"input">, Native> & { rows?: number }) {
  return (
    <LabelledField {...{ control, name, label, description, required, className }}>
      {(field) => (rows ? <Textarea rows={rows} {...field} /> : <Input {...input} {...field} />)}
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
}: Omit<Bound<TValues, TContext, TTransformed>, "description" | "required">) {
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
            className="size-4 accent-primary"
          />
          {label}
        </label>
      )}
    />
  );
}
