import * as React from "react";
import type { VariantProps } from "class-variance-authority";

import { alertDescriptionClass } from "@/components/ui/variant-classes";
import { alertVariants } from "@/components/ui/variants";
import { cn } from "@/lib/utils";

type AlertProps = React.ComponentProps<"div"> & VariantProps<typeof alertVariants>;

/**
 * Inline message. Defaults to role="alert" for destructive (announced immediately) and
 * role="status" otherwise; override with the `role` prop. Put an optional icon first.
 */
function Alert({ className, variant, role, ...props }: AlertProps) {
  return (
    <div
      data-slot="alert"
      role={role ?? (variant === "destructive" ? "alert" : "status")}
      className={cn(alertVariants({ variant }), className)}
      {...props}
    />
  );
}

function AlertTitle({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-title"
      className={cn("col-start-2 min-h-4 font-medium tracking-tight", className)}
      {...props}
    />
  );
}

function AlertDescription({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="alert-description" className={cn(alertDescriptionClass, className)} {...props} />;
}

export { Alert, AlertTitle, AlertDescription, alertVariants, type AlertProps };
