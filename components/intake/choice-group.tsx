import { FormControl, FormDescription, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { cn } from "@/lib/utils";
import type { IntakeControl } from "./draft";

/** A choice's box: a big tap target that shows when it is checked or has the keyboard focus. */
export const CHOICE =
  "flex min-h-11 cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring";

type ChoiceName = `answers.${string}` | "project.businessCritical" | "project.hasFallbackPlan";

/** One question as a native radio group (arrow keys move), its message inside the group's frame. */
export function ChoiceGroup({
  control,
  name,
  radioName,
  legend,
  hint,
  choices,
  className,
}: {
  control: IntakeControl;
  name: ChoiceName;
  /** the radios' shared name in the page */
  radioName: string;
  legend: string;
  hint?: string;
  choices: readonly { value: string; label: string }[];
  /** the choices' grid */
  className: string;
}) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormItem>
          <FormControl>
            <fieldset className={cn("grid gap-2 rounded-lg border p-3", fieldState.error && "border-destructive")}>
              <legend className="px-1 font-medium">{legend}</legend>
              {hint ? <FormDescription>{hint}</FormDescription> : null}
              <div className={className}>
                {choices.map((choice, i) => (
                  <label key={choice.value} className={CHOICE}>
                    <input
                      type="radio"
                      name={radioName}
                      value={choice.value}
                      checked={field.value === choice.value}
                      onChange={() => field.onChange(choice.value)}
                      onBlur={field.onBlur}
                      ref={i === 0 ? field.ref : undefined}
                      className="size-4 accent-primary"
                    />
                    {choice.label}
                  </label>
                ))}
              </div>
              <FormMessage />
            </fieldset>
          </FormControl>
        </FormItem>
      )}
    />
  );
}
