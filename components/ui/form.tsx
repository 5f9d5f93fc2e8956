"use client";

import * as React from "react";
import { Slot } from "radix-ui";
import {
  Controller,
  FormProvider,
  useFormContext,
  useFormState,
  type ControllerProps,
  type FieldPath,
  type FieldValues,
  type UseFormReturn,
} from "react-hook-form";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Label } from "@/components/ui/label";
import { INPUT_KEY, readError } from "@/lib/form-errors";
import { cn } from "@/lib/utils";

/**
 * The one form pattern (docs/architecture.md#one-way-for-each-thing): react-hook-form with the shared zod schema as resolver,
 * these parts for layout and accessibility, and the server's field errors merged into the same state by
 * `setServerError`, so a message lands under its field whichever side found it.
 */
const Form = FormProvider;

type FieldContextValue = { name: string };
const FieldContext = React.createContext<FieldContextValue | null>(null);
const ItemContext = React.createContext<{ id: string; required: boolean } | null>(null);

function FormField<TValues extends FieldValues, TName extends FieldPath<TValues>, TTransformed = TValues>(
  props: ControllerProps<TValues, TName, TTransformed>,
) {
  return (
    <FieldContext.Provider value={{ name: props.name }}>
      <Controller {...props} />
    </FieldContext.Provider>
  );
}

function useFormField() {
  const field = React.useContext(FieldContext);
  const item = React.useContext(ItemContext);
  const { getFieldState } = useFormContext();
  const formState = useFormState({ name: field?.name });
  if (!field || !item) throw new Error("useFormField is used inside <FormField> and <FormItem>.");
  const state = getFieldState(field.name, formState);
  return {
    name: field.name,
    required: item.required,
    controlId: `${item.id}-control`,
    descriptionId: `${item.id}-description`,
    messageId: `${item.id}-message`,
    error: state.error,
  };
}

/** A field's label, control and messages; `asChild` makes its one child the item (a table row, a fieldset). */
function FormItem({
  className,
  required = false,
  asChild = false,
  ...props
}: React.ComponentProps<"div"> & { required?: boolean; asChild?: boolean }) {
  const id = React.useId();
  const Item = asChild ? Slot.Root : "div";
  return (
    <ItemContext.Provider value={{ id, required }}>
      <Item data-slot="form-item" className={asChild ? className : cn("grid gap-2", className)} {...props} />
    </ItemContext.Provider>
  );
}

function FormLabel({ className, children, ...props }: React.ComponentProps<typeof Label>) {
  const { error, controlId, required } = useFormField();
  return (
    <Label
      data-slot="form-label"
      data-error={!!error}
      htmlFor={controlId}
      className={cn("data-[error=true]:text-destructive", className)}
      {...props}
    >
      {children}
      {required ? (
        <span aria-hidden="true" className="text-destructive">
          *
        </span>
      ) : null}
    </Label>
  );
}

/** Exactly one control element; it receives the id and the aria attributes. */
function FormControl(props: React.ComponentProps<typeof Slot.Root>) {
  const { error, controlId, descriptionId, messageId, required } = useFormField();
  return (
    <Slot.Root
      data-slot="form-control"
      id={controlId}
      aria-describedby={error ? `${descriptionId} ${messageId}` : descriptionId}
      aria-invalid={!!error || undefined}
      aria-required={required || undefined}
      {...props}
    />
  );
}

function FormDescription({ className, ...props }: React.ComponentProps<"p">) {
  const { descriptionId } = useFormField();
  return <p id={descriptionId} className={cn("text-sm text-muted-foreground", className)} {...props} />;
}

/** The field's message (client or server), or the first message of something inside it ("events.2.day"). */
function FormMessage({ className, ...props }: React.ComponentProps<"p">) {
  const { error, messageId } = useFormField();
  const message = error?.message ?? firstNestedMessage(error);
  if (!message) return null;
  return (
    <p id={messageId} role="alert" className={cn("text-sm font-medium text-destructive", className)} {...props}>
      {message}
    </p>
  );
}

function firstNestedMessage(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  for (const value of Object.values(error as Record<string, unknown>)) {
    if (typeof value === "object" && value !== null) {
      if ("message" in value && typeof value.message === "string" && value.message) return value.message;
      const nested = firstNestedMessage(value);
      if (nested) return nested;
    }
  }
  return undefined;
}

/** The error about the whole form (a refused call without field errors, a conflict, a network failure). */
function FormRootError({ className }: { className?: string }) {
  const { errors } = useFormState();
  const message = errors.root?.server?.message;
  if (!message) return null;
  return (
    <Alert variant="destructive" className={className}>
      <AlertDescription>{message}</AlertDescription>
    </Alert>
  );
}

/**
 * Puts a refused call's errors into the form: field errors under their fields (dotted paths, as the server
 * keys them), the message as the form's root error unless every part of it is shown at a field.
 */
function setServerError<TValues extends FieldValues, TContext, TTransformed>(
  form: Pick<UseFormReturn<TValues, TContext, TTransformed>, "setError">,
  error: unknown,
) {
  const view = readError(error);
  if (!view) return;
  const fields = Object.entries(view.fieldErrors).filter(([key]) => key !== INPUT_KEY);
  let first = true;
  for (const [key, message] of fields) {
    form.setError(key as FieldPath<TValues>, { type: "server", message }, { shouldFocus: first });
    first = false;
  }
  if (!fields.length || view.fieldErrors[INPUT_KEY]) {
    form.setError("root.server", { type: "server", message: view.fieldErrors[INPUT_KEY] ?? view.message });
  }
}

export {
  Form,
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  FormRootError,
  setServerError,
  useFormField,
};
