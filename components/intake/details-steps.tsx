import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { MAX_FEATURES } from "@/lib/schemas/intake";
import { cn } from "@/lib/utils";
import type { IntakeDraft, YesNo } from "./draft";
import { COMPLIANCE_CHOICES } from "./questions";

type Errors = Record<string, string>;

function YesNoField({
  id,
  legend,
  hint,
  value,
  error,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  value: YesNo;
  error?: string;
  onChange: (v: YesNo) => void;
}) {
  return (
    <fieldset
      className={cn("grid gap-2 rounded-lg border p-3", error && "border-destructive")}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="px-1 font-medium">{legend}</legend>
      {hint ? <p className="text-sm text-muted-foreground">{hint}</p> : null}
      <div className="grid grid-cols-2 gap-2">
        {(["yes", "no"] as const).map((v) => (
          <label
            key={v}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
          >
            <input
              type="radio"
              name={id}
              value={v}
              checked={value === v}
              onChange={() => onChange(v)}
              className="size-4 accent-primary"
            />
            {v === "yes" ? "Yes" : "No"}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

type ProjectProps = {
  project: IntakeDraft["project"];
  errors: Errors;
  budgetBands: { key: string; label: string }[];
  onChange: (patch: Partial<IntakeDraft["project"]>) => void;
};

export function ProjectStep({ project, errors, budgetBands, onChange }: ProjectProps) {
  return (
    <div className="grid gap-5">
      <FormField
        id="intake-features"
        label="What should the product do?"
        description={`The main features, one per line (up to ${MAX_FEATURES}). Short is fine: "Customers book appointments".`}
        error={errors["project.features"]}
        required
      >
        <Textarea rows={5} value={project.features} onChange={(e) => onChange({ features: e.target.value })} />
      </FormField>
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField
          id="intake-weeks"
          label="In how many weeks do you need it?"
          error={errors["project.timelineWeeks"]}
          required
        >
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            max={104}
            value={project.timelineWeeks}
            onChange={(e) => onChange({ timelineWeeks: e.target.value })}
          />
        </FormField>
        <FormField
          id="intake-team"
          label="How many of your people will take part?"
          description="Developers, product people, testers. 0 is a valid answer."
          error={errors["project.teamSize"]}
          required
        >
          <Input
            type="number"
            inputMode="numeric"
            min={0}
            value={project.teamSize}
            onChange={(e) => onChange({ teamSize: e.target.value })}
          />
        </FormField>
      </div>
      <FormField
        id="intake-budget"
        label="Roughly what budget do you have in mind?"
        error={errors["project.budgetBand"]}
        required
      >
        <NativeSelect value={project.budgetBand} onChange={(e) => onChange({ budgetBand: e.target.value })}>
          <option value="">Choose a range</option>
          {budgetBands.map((b) => (
            <option key={b.key} value={b.key}>
              {b.label}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <YesNoField
        id="intake-critical"
        legend="Does your business depend on this system day to day?"
        value={project.businessCritical}
        error={errors["project.businessCritical"]}
        onChange={(v) => onChange({ businessCritical: v })}
      />
      <YesNoField
        id="intake-fallback"
        legend="If it were late, could you keep working another way?"
        hint="The old system, a spreadsheet or a manual process."
        value={project.hasFallbackPlan}
        error={errors["project.hasFallbackPlan"]}
        onChange={(v) => onChange({ hasFallbackPlan: v })}
      />
    </div>
  );
}

export function TechnologyStep({ project, errors, onChange }: Omit<ProjectProps, "budgetBands">) {
  const toggle = (regime: string, on: boolean) =>
    onChange({ compliance: on ? [...project.compliance, regime] : project.compliance.filter((r) => r !== regime) });
  return (
    <div className="grid gap-5">
      <FormField
        id="intake-stack"
        label="Technologies you use or want (optional)"
        description="Separate with commas, e.g. React, Node.js, PostgreSQL. Leave empty if undecided."
        error={errors["project.techStack"]}
      >
        <Input value={project.techStack} onChange={(e) => onChange({ techStack: e.target.value })} />
      </FormField>
      <FormField
        id="intake-integrations"
        label="Systems it must connect to (optional)"
        description="Separate with commas, e.g. Stripe, Salesforce, your ERP."
        error={errors["project.integrations"]}
      >
        <Input value={project.integrations} onChange={(e) => onChange({ integrations: e.target.value })} />
      </FormField>
      <fieldset
        className="grid gap-2 rounded-lg border p-3"
        aria-describedby={errors["project.compliance"] ? "intake-compliance-error" : undefined}
      >
        <legend className="px-1 font-medium">Rules it must comply with (optional)</legend>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {COMPLIANCE_CHOICES.map((regime) => (
            <label
              key={regime}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
            >
              <input
                type="checkbox"
                checked={project.compliance.includes(regime)}
                onChange={(e) => toggle(regime, e.target.checked)}
                className="size-4 accent-primary"
              />
              {regime}
            </label>
          ))}
        </div>
        <FormField id="intake-compliance-other" label="Other (comma-separated)">
          <Input value={project.complianceOther} onChange={(e) => onChange({ complianceOther: e.target.value })} />
        </FormField>
        {errors["project.compliance"] ? (
          <p id="intake-compliance-error" role="alert" className="text-sm font-medium text-destructive">
            {errors["project.compliance"]}
          </p>
        ) : null}
      </fieldset>
    </div>
  );
}

type ContactProps = {
  contact: IntakeDraft["contact"];
  errors: Errors;
  website: string;
  onChange: (patch: Partial<IntakeDraft["contact"]>) => void;
  onWebsite: (value: string) => void;
};

export function ContactStep({ contact, errors, website, onChange, onWebsite }: ContactProps) {
  return (
    <div className="grid gap-5">
      <FormField id="intake-name" label="Your name" error={errors["contact.name"]} required>
        <Input autoComplete="name" value={contact.name} onChange={(e) => onChange({ name: e.target.value })} />
      </FormField>
      <FormField
        id="intake-email"
        label="Work email"
        description="We send your result here, with a link to come back to it."
        error={errors["contact.email"]}
        required
      >
        <Input
          type="email"
          inputMode="email"
          autoComplete="email"
          value={contact.email}
          onChange={(e) => onChange({ email: e.target.value })}
        />
      </FormField>
      <FormField id="intake-company" label="Company" error={errors["contact.company"]} required>
        <Input
          autoComplete="organization"
          value={contact.company}
          onChange={(e) => onChange({ company: e.target.value })}
        />
      </FormField>
      <FormField
        id="intake-phone"
        label="Phone (optional)"
        description="Only if you prefer a call to an email."
        error={errors["contact.phone"]}
      >
        <Input
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={contact.phone}
          onChange={(e) => onChange({ phone: e.target.value })}
        />
      </FormField>
      {/* honeypot: invisible to people and to assistive technology, tempting to form-filling bots */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label>
          Website
          <input
            type="text"
            name="website"
            tabIndex={-1}
            autoComplete="off"
            value={website}
            onChange={(e) => onWebsite(e.target.value)}
          />
        </label>
      </div>
      {errors.website ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          We could not accept this form. Please reload the page and try again.
        </p>
      ) : null}
      <p className="text-sm text-muted-foreground">
        By sending, you agree that we store your answers and contact details to reply to you. We do not share them.
      </p>
    </div>
  );
}
