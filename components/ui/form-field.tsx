import * as React from "react";
import { Slot } from "radix-ui";

import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

type FormFieldProps = {
  /** id given to the control; the label's htmlFor and the message ids derive from it. */
  id: string;
  label: React.ReactNode;
  /** Error message; when set the control gets aria-invalid and the message is announced. */
  error?: string | null;
  description?: React.ReactNode;
  /** Shows a visual "*" and sets aria-required on the control (native `required` is up to you). */
  required?: boolean;
  className?: string;
  /** Exactly one control element (Input, Textarea, NativeSelect, …); it receives id + aria props. */
  children: React.ReactElement;
};

function FormField({ id, label, error, description, required, className, children }: FormFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <div data-slot="form-field" data-invalid={error ? true : undefined} className={cn("grid gap-2", className)}>
      <Label htmlFor={id} className={cn(error && "text-destructive")}>
        {label}
        {required ? (
          <span aria-hidden="true" className="text-destructive">
            *
          </span>
        ) : null}
      </Label>
      <Slot.Root
        id={id}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
      >
        {children}
      </Slot.Root>
      {description ? (
        <p id={descriptionId} className="text-sm text-muted-foreground">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export { FormField, type FormFieldProps };
