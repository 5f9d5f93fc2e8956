"use client";

import { COMPATIBILITY_FACTORS, COMPLEXITY_LEVELS, PRICING_FACTORS, TIER_SERVICE_TYPES } from "@/domain/tiers/config";
import { SERVICE_TYPE_LABELS } from "@/domain/qualification/config";
import { asRecord, finite, getIn, segmentLabel, tidy } from "./config-draft";
import {
  CheckboxField,
  ListField,
  MultiCheckboxField,
  NumberField,
  RangeFields,
  Section,
  TextField,
  WeightSum,
  fieldKeys,
  useDraft,
} from "./config-fields";

const COMPATIBILITY_LABELS: Record<(typeof COMPATIBILITY_FACTORS)[number], string> = {
  serviceType: "Service type",
  budget: "Budget",
  teamSize: "Team size",
  timeline: "Timeline",
  complexity: "Complexity",
  compliance: "Compliance",
};
const PRICING_LABELS: Record<(typeof PRICING_FACTORS)[number], string> = {
  complexity: "Complexity",
  timelinePressure: "Timeline pressure",
  teamSize: "Team size",
};
const COMPLEXITY_OPTIONS = COMPLEXITY_LEVELS.map((value) => ({
  value,
  label: value.charAt(0).toUpperCase() + value.slice(1),
}));
const SERVICE_OPTIONS = TIER_SERVICE_TYPES.map((value) => ({ value, label: SERVICE_TYPE_LABELS[value] }));

/** A set of weights that must add up to 1, one number field per factor. */
function WeightsSection({
  title,
  description,
  field,
  what,
  labels,
}: {
  title: string;
  description: string;
  field: string;
  what: string;
  labels: Record<string, string>;
}) {
  const factors = Object.keys(labels);
  return (
    <Section title={title} description={description}>
      <div className="grid gap-4 sm:grid-cols-3">
        {factors.map((f) => (
          <NumberField
            key={f}
            name={`${field}.${f}`}
            label={`${labels[f]} weight`}
            srPrefix={what}
            min={0}
            max={1}
            step={0.05}
          />
        ))}
      </div>
      <WeightSum name={field} keys={factors} what={`${what} weights`} />
    </Section>
  );
}

type Range = { path: string; label: string; unit: string; money?: boolean; min: number; max?: number };
/** Money is edited in dollars (stored in cents), in steps of $1,000. */
const MONEY = { scale: 100, step: 1000 } as const;
const TIER_RANGES: Range[] = [
  { path: "priceRangeCents", label: "Price range", unit: "USD", money: true, min: 0 },
  { path: "timelineWeeks", label: "Timeline", unit: "weeks", min: 1, max: 104 },
];
const IDEAL_RANGES: Range[] = [
  { path: "idealCriteria.teamSize", label: "Team size", unit: "people", min: 0 },
  { path: "idealCriteria.budgetRangeCents", label: "Budget", unit: "USD", money: true, min: 0 },
];

/** A tier's from–to ranges, side by side. */
function TierRanges({ base, name, ranges }: { base: string; name: string; ranges: Range[] }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {ranges.map(({ path, money, ...range }) => (
        <RangeFields
          key={range.label}
          name={`${base}.${path}`}
          srPrefix={name}
          {...range}
          {...(money ? MONEY : { step: 1 })}
        />
      ))}
    </div>
  );
}

/** A card per tier (prices in dollars here, integer cents in the data), the weights and the threshold. */
export function TiersConfigForm({ names }: { names: Record<string, string> }) {
  const draft = useDraft();
  const tiers = fieldKeys(asRecord(getIn(draft, ["tiers"])));
  const threshold = finite(getIn(draft, ["threshold"]));
  return (
    <div className="grid gap-6">
      <Section title="Recommendation">
        <NumberField
          name="threshold"
          label="Recommendation threshold (compatibility, 0–1)"
          min={0}
          max={1}
          step={0.05}
          className="sm:max-w-sm"
          description={
            threshold !== null
              ? `A tier is recommended at ${tidy(threshold * 100)}% compatibility or more (default: 0.6).`
              : "Default: 0.6."
          }
        />
      </Section>

      <div className="grid gap-4">
        <h3 className="font-medium">
          Tiers{" "}
          <span className="text-sm font-normal text-muted-foreground">
            ({tiers.length}; add or remove tiers in the JSON view)
          </span>
        </h3>
        {tiers.map((key) => (
          <TierCard key={key} tierKey={key} name={names[key] ?? segmentLabel(key)} />
        ))}
      </div>

      <WeightsSection
        title="Compatibility weights"
        description="How much each factor counts when matching a customer to a tier; they must add up to 1."
        field="compatibilityWeights"
        what="Compatibility"
        labels={COMPATIBILITY_LABELS}
      />
      <WeightsSection
        title="Pricing weights"
        description="What moves a price from the bottom of its tier's range to the top; they must add up to 1."
        field="pricingWeights"
        what="Pricing"
        labels={PRICING_LABELS}
      />
    </div>
  );
}

function TierCard({ tierKey, name }: { tierKey: string; name: string }) {
  const draft = useDraft();
  const base = `tiers.${tierKey}`;
  const members = asRecord(getIn(draft, ["tiers", tierKey, "teamComposition"]));
  const team = fieldKeys(members).map((member) => [member, members[member]] as const);
  return (
    <section aria-label={name} className="grid gap-5 rounded-lg border p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 className="font-medium">{name}</h4>
        <code className="text-xs text-muted-foreground">{tierKey}</code>
      </div>
      <TextField name={`${base}.name`} label="Name" srPrefix={name} className="sm:max-w-md" />
      <TierRanges base={base} name={name} ranges={TIER_RANGES} />

      {team.length > 0 ? (
        <fieldset className="grid gap-3">
          <legend className="mb-1 text-sm font-medium">Team composition</legend>
          <div className="grid gap-4 sm:grid-cols-3">
            {team.map(([member, value]) => {
              const path = `${base}.teamComposition.${member}`;
              const label = segmentLabel(member);
              if (typeof value === "boolean")
                return (
                  <CheckboxField key={member} name={path} label={label} srPrefix={name} className="self-end pb-2" />
                );
              // a number box left blank holds null: it stays a number box
              if (typeof value === "number" || value === null)
                return (
                  <NumberField key={member} name={path} label={label} srPrefix={name} min={0} max={1000} step={1} />
                );
              return <TextField key={member} name={path} label={label} srPrefix={name} />;
            })}
          </div>
        </fieldset>
      ) : null}

      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-medium">Guarantee</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <CheckboxField
            name={`${base}.guarantees.deliveryGuarantee`}
            label="Delivery guarantee"
            srPrefix={name}
            className="self-end pb-2"
          />
          <NumberField
            name={`${base}.guarantees.refundAmountCents`}
            label="Refund cap (USD)"
            description="The guarantee is this, or the contract value when lower."
            srPrefix={name}
            scale={100}
            step={1000}
            min={0}
          />
          <NumberField
            name={`${base}.guarantees.successThreshold`}
            label="Success threshold (%)"
            srPrefix={name}
            step={1}
            min={0}
            max={100}
          />
        </div>
        <ListField
          name={`${base}.guarantees.additional`}
          label="Additional guarantees (one per line)"
          srPrefix={name}
        />
      </fieldset>

      <ListField name={`${base}.targetCustomers`} label="Target customers (one per line)" srPrefix={name} />

      <fieldset className="grid gap-4">
        <legend className="mb-1 text-sm font-medium">Ideal customer</legend>
        <TierRanges base={base} name={name} ranges={IDEAL_RANGES} />
        <MultiCheckboxField
          name={`${base}.idealCriteria.complexity`}
          legend="Complexity levels"
          srPrefix={name}
          options={COMPLEXITY_OPTIONS}
        />
        <MultiCheckboxField
          name={`${base}.idealCriteria.serviceTypes`}
          legend="Service types"
          srPrefix={name}
          options={SERVICE_OPTIONS}
        />
        <CheckboxField
          name={`${base}.idealCriteria.complianceRequirements`}
          label="Built for regulated customers (compliance)"
          srPrefix={name}
        />
      </fieldset>
    </section>
  );
}
