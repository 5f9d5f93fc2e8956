import { cva } from "class-variance-authority";
import { ALERT_CLASSES, BUTTON_CLASSES } from "@/components/ui/variant-classes";

/** `Button`'s and `Alert`'s variants, composed from the plain class strings (components/ui/variant-classes.ts). */
export const buttonVariants = cva(BUTTON_CLASSES.base, {
  variants: { variant: BUTTON_CLASSES.variant, size: BUTTON_CLASSES.size },
  defaultVariants: { variant: "default", size: "default" },
});

export const alertVariants = cva(ALERT_CLASSES.base, {
  variants: { variant: ALERT_CLASSES.variant },
  defaultVariants: { variant: "default" },
});
