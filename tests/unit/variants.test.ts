import { describe, expect, it } from "vitest";
import {
  alertDescriptionClass,
  plainAlertClass,
  plainButtonClass,
  textareaClass,
} from "@/components/ui/variant-classes";
import { alertVariants, buttonVariants } from "@/components/ui/variants";
import { cn } from "@/lib/utils";

// Plain elements styled with these alone (components/ui/variant-classes.ts) (app/error.tsx, the survey form) must look like `Button`, `Alert` and
// `Textarea`, which merge them with cn().
describe("components/ui/variants", () => {
  it("needs no merging for the button at every variant and size but sm", () => {
    for (const variant of ["default", "secondary", "outline", "ghost", "destructive", "link"] as const)
      for (const size of ["default", "lg", "icon"] as const)
        expect(buttonVariants({ variant, size })).toBe(cn(buttonVariants({ variant, size })));
  });

  it("needs no merging for the alert and the textarea", () => {
    for (const variant of ["default", "destructive", "success"] as const)
      expect(alertVariants({ variant })).toBe(cn(alertVariants({ variant })));
    expect(alertDescriptionClass).toBe(cn(alertDescriptionClass));
    expect(textareaClass).toBe(cn(textareaClass));
  });

  it("gives plain elements the very classes Button and Alert get", () => {
    expect(plainButtonClass).toBe(buttonVariants());
    for (const variant of ["default", "destructive", "success"] as const)
      expect(plainAlertClass(variant)).toBe(alertVariants({ variant }));
  });
});
