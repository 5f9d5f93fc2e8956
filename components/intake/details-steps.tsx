import { FormControl, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { SelectField, TextField } from "@/components/ui/form-controls";
import { MAX_FEATURES } from "@/lib/schemas/intake";
import { CHOICE, ChoiceGroup } from "./choice-group";
import type { IntakeControl } from "./draft";
import { COMPLIANCE_CHOICES } from "./questions";

const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
] as const;

export function ProjectStep({
  control,
  budgetBands,
}: {
  control: IntakeControl;
  budgetBands: { key: string; label: string }[];
}) {
  return (
    <div className="grid gap-5">
      <TextField
        control={control}
        name="project.features"
        label="What should the product do?"
        description={`The main features, one per line (up to ${MAX_FEATURES}). Short is fine: "Customers book appointments".`}
        rows={5}
        required
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          control={control}
          name="project.timelineWeeks"
          label="In how many weeks do you need it?"
          type="number"
          inputMode="numeric"
          min={1}
          max={104}
          required
        />
        <TextField
          control={control}
          name="project.teamSize"
          label="How many of your people will take part?"
          description="Developers, product people, testers. 0 is a valid answer."
          type="number"
          inputMode="numeric"
          min={0}
          required
        />
      </div>
      <SelectField
        control={control}
        name="project.budgetBand"
        label="Roughly what budget do you have in mind?"
        placeholder="Choose a range"
        options={budgetBands.map((b) => ({ value: b.key, label: b.label }))}
        required
      />
      <ChoiceGroup
        control={control}
        name="project.businessCritical"
        radioName="intake-critical"
        legend="Does your business depend on this system day to day?"
        choices={YES_NO}
        className="grid grid-cols-2 gap-2"
      />
      <ChoiceGroup
        control={control}
        name="project.hasFallbackPlan"
        radioName="intake-fallback"
        legend="If it were late, could you keep working another way?"
        hint="The old system, a spreadsheet or a manual process."
        choices={YES_NO}
        className="grid grid-cols-2 gap-2"
      />
    </div>
  );
}

export function TechnologyStep({ control }: { control: IntakeControl }) {
  return (
    <div className="grid gap-5">
      <TextField
        control={control}
        name="project.techStack"
        label="Technologies you use or want (optional)"
        description="Separate with commas, e.g. React, Node.js, PostgreSQL. Leave empty if undecided."
      />
      <TextField
        control={control}
        name="project.integrations"
        label="Systems it must connect to (optional)"
        description="Separate with commas, e.g. Stripe, Salesforce, your ERP."
      />
      <FormField
        control={control}
        name="project.compliance"
        render={({ field }) => (
          <FormItem>
            <FormControl>
              <fieldset className="grid gap-2 rounded-lg border p-3">
                <legend className="px-1 font-medium">Rules it must comply with (optional)</legend>
                <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
                  {COMPLIANCE_CHOICES.map((regime, i) => (
                    <label key={regime} className={CHOICE}>
                      <input
                        type="checkbox"
                        checked={field.value.includes(regime)}
                        onChange={(e) =>
                          field.onChange(
                            e.target.checked ? [...field.value, regime] : field.value.filter((r) => r !== regime),
                          )
                        }
                        onBlur={field.onBlur}
                        ref={i === 0 ? field.ref : undefined}
                        className="size-4 accent-primary"
                      />
                      {regime}
                    </label>
                  ))}
                </div>
                {/* what is typed here is checked as more entries of the list above, so its errors show below */}
                <TextField control={control} name="project.complianceOther" label="Other (comma-separated)" />
                <FormMessage />
              </fieldset>
            </FormControl>
          </FormItem>
        )}
      />
    </div>
  );
}

export function ContactStep({ control }: { control: IntakeControl }) {
  return (
    <div className="grid gap-5">
      <TextField control={control} name="contact.name" label="Your name" autoComplete="name" required />
      <TextField
        control={control}
        name="contact.email"
        label="Work email"
        description="We send your result here, with a link to come back to it."
        type="email"
        inputMode="email"
        autoComplete="email"
        required
      />
      <TextField control={control} name="contact.company" label="Company" autoComplete="organization" required />
      <TextField
        control={control}
        name="contact.phone"
        label="Phone (optional)"
        description="Only if you prefer a call to an email."
        type="tel"
        inputMode="tel"
        autoComplete="tel"
      />
      <FormField
        control={control}
        name="website"
        render={({ field, fieldState }) => (
          <>
            {/* honeypot: invisible to people and to assistive technology, tempting to form-filling bots */}
            <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
              <label>
                Website
                <input type="text" tabIndex={-1} autoComplete="off" {...field} />
              </label>
            </div>
            {fieldState.error ? (
              <p role="alert" className="text-sm font-medium text-destructive">
                We could not accept this form. Please reload the page and try again.
              </p>
            ) : null}
          </>
        )}
      />
      <p className="text-sm text-muted-foreground">
        By sending, you agree that we store your answers and contact details to reply to you. We do not share them.
      </p>
    </div>
  );
}
