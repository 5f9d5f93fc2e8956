"use client";

import type * as React from "react";
import type { Control, ControllerRenderProps, FieldPath, FieldValues } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { inputFromNumber, numberFromInput } from "@/lib/form-values";

/**
 * The common fields of the one form pattern (docs/architecture.md#one-way-for-each-thing), built from the
 * parts in form.tsx: a labelled text box, number box, file box, select and checkbox bound to a react-hook-form
 * field. A field with an unusual control uses the parts directly.
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

/** A box that shows the field's value in its own way (`shown`) and reads a change into a value (`read`). */
function ConvertingField<TValues extends FieldValues, TContext, TTransformed>({
  shown,
  read,
  inputClassName,
  ...props
}: Bound<TValues, TContext, TTransformed> &
  BoxProps & {
    shown?: (value: ControllerRenderProps<TValues>["value"]) => React.ComponentProps<"input">["value"];
    read: (event: React.ChangeEvent<HTMLInputElement>) => unknown;
  }) {
  const [bound, input] = split(props);
  return (
    <LabelledField {...bound}>
      {(field) => (
        <Input
          {...input}
          name={field.name}
          ref={field.ref}
          onBlur={field.onBlur}
          value={shown?.(field.value)}
          onChange={(event) => field.onChange(read(event))}
          className={inputClassName}
        />
      )}
    </LabelledField>
  );
}

/** A number box holding a number, or undefined while it is empty (lib/form-values.ts). */
export function NumberField<TValues extends FieldValues, TContext, TTransformed>(
  props: Bound<TValues, TContext, TTransformed> & Omit<BoxProps, "type">,
) {
  return (
    <ConvertingField
      {...props}
      type="number"
      shown={inputFromNumber}
      read={(event) => numberFromInput(event.target.value)}
    />
  );
}

/** A file box holding the chosen File, or null; the browser shows the file's name itself, so it takes no value. */
export function FileField<TValues extends FieldValues, TContext, TTransformed>(
  props: Bound<TValues, TContext, TTransformed> & Omit<BoxProps, "type">,
) {
  return <ConvertingField {...props} type="file" read={(event) => event.target.files?.[0] ?? null} />;
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
