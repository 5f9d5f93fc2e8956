"use client";

import { asRecord, getIn } from "./config-draft";
import { ListField, NumberField, Section, WeightSum, fieldKeys, useDraft } from "./config-fields";

type Field = {
  key: string;
  label: string;
  min?: number;
  max?: number;
  step?: number;
  scale?: number;
  description?: string;
};

const TIMELINE: Field[] = [
  {
    key: "baseWeeks",
    label: "Base timeline (weeks)",
    min: 0,
    max: 52,
    step: 0.5,
    description: "Weeks every project needs whatever its scope.",
  },
  { key: "requirementsPerWeek", label: "Requirements per week", min: 0.1, max: 100, step: 0.5 },
  { key: "weeksPerIntegration", label: "Weeks per integration", min: 0, max: 12, step: 0.25 },
  { key: "weeksPerComplianceRegime", label: "Weeks per compliance regime", min: 0, max: 26, step: 0.25 },
  {
    key: "zeroScoreRatio",
    label: "Zero-score timeline ratio (0–0.99)",
    min: 0,
    max: 0.99,
    step: 0.05,
    description: "Offered ÷ required weeks at or below which the timeline scores 0.",
  },
];

const RESOURCE: Field[] = [
  { key: "weeklyDeliveryCostCents", label: "Weekly delivery cost (USD)", min: 0.01, step: 100, scale: 100 },
  {
    key: "zeroScoreCoverage",
    label: "Zero-score budget coverage (0–0.99)",
    min: 0,
    max: 0.99,
    step: 0.05,
    description: "Budget ÷ estimated cost at or below which the budget scores 0.",
  },
  {
    key: "noTeamPenalty",
    label: "No-team penalty (points)",
    min: 0,
    max: 100,
    step: 1,
    description: "The customer has nobody on the project.",
  },
  { key: "soloTeamPenalty", label: "One-person-team penalty (points)", min: 0, max: 100, step: 1 },
];

const TECHNICAL: Field[] = [
  { key: "integrationPenalty", label: "Penalty per integration (points)", min: 0, max: 100, step: 1 },
  { key: "integrationPenaltyCap", label: "Integration penalty cap (points)", min: 0, max: 100, step: 1 },
  { key: "otherCompliancePenalty", label: "Penalty for other compliance regimes (points)", min: 0, max: 100, step: 1 },
  { key: "emptyStackPenalty", label: "Undecided-stack penalty (points)", min: 0, max: 100, step: 1 },
  { key: "maxStackSize", label: "Comfortable stack size (technologies)", min: 1, max: 50, step: 1 },
  { key: "extraStackPenalty", label: "Penalty per extra technology (points)", min: 0, max: 100, step: 1 },
  { key: "extraStackPenaltyCap", label: "Extra-technology penalty cap (points)", min: 0, max: 100, step: 1 },
  { key: "legacyTechPenalty", label: "Penalty per legacy technology (points)", min: 0, max: 100, step: 1 },
  { key: "legacyTechPenaltyCap", label: "Legacy-technology penalty cap (points)", min: 0, max: 100, step: 1 },
  { key: "largeScopeRequirements", label: "Large scope from (requirements)", min: 1, max: 500, step: 1 },
  { key: "extraRequirementPenalty", label: "Penalty per extra requirement (points)", min: 0, max: 100, step: 0.5 },
  { key: "scopePenaltyCap", label: "Scope penalty cap (points)", min: 0, max: 100, step: 1 },
  {
    key: "blockerBelow",
    label: "Blocker below (technical score)",
    min: 0,
    max: 100,
    step: 1,
    description: "A technical score below this is a blocker.",
  },
];

const PROBABILITY: Field[] = [
  { key: "feasibilityWeight", label: "Feasibility weight", min: 0, max: 1, step: 0.05 },
  { key: "qualificationWeight", label: "Qualification weight", min: 0, max: 1, step: 0.05 },
  {
    key: "ceiling",
    label: "Probability ceiling (0.01–1)",
    min: 0.01,
    max: 1,
    step: 0.01,
    description: "No project is certain: the probability never exceeds this.",
  },
  { key: "blockerCap", label: "Cap with blockers (0–1)", min: 0, max: 1, step: 0.01 },
];

const COMPLEXITY: Field[] = [
  { key: "lowMaxWeeks", label: "Low complexity up to (weeks)", min: 1, max: 104, step: 1 },
  { key: "lowMaxIntegrations", label: "Low complexity up to (integrations)", min: 0, max: 100, step: 1 },
  { key: "highAboveWeeks", label: "High complexity above (weeks)", min: 1, max: 104, step: 1 },
  { key: "highMinIntegrations", label: "High complexity from (integrations)", min: 1, max: 100, step: 1 },
  { key: "highMinCompliance", label: "High complexity from (compliance regimes)", min: 1, max: 50, step: 1 },
];

function Fields({ section, fields }: { section: string; fields: Field[] }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {fields.map((f) => (
        <NumberField
          key={f.key}
          name={`${section}.${f.key}`}
          label={f.label}
          min={f.min}
          max={f.max}
          step={f.step}
          scale={f.scale}
          description={f.description}
        />
      ))}
    </div>
  );
}

/** Weights with a live sum, pass/proceed scores, then every rule parameter by section. */
export function FeasibilityConfigForm() {
  const draft = useDraft();
  const regimes = fieldKeys(asRecord(getIn(draft, ["technical", "compliancePenalties"])));
  return (
    <div className="grid gap-6">
      <Section
        title="Weights"
        description="feasibility = technical × w₁ + timeline × w₂ + resource × w₃; the weights must add up to 1 (default: 0.4 / 0.3 / 0.3)."
      >
        <div className="grid gap-4 sm:grid-cols-3">
          <NumberField name="weights.technical" label="Technical weight" min={0} max={1} step={0.05} />
          <NumberField name="weights.timeline" label="Timeline weight" min={0} max={1} step={0.05} />
          <NumberField name="weights.resource" label="Resource weight" min={0} max={1} step={0.05} />
        </div>
        <WeightSum name="weights" keys={["technical", "timeline", "resource"]} />
      </Section>

      <Section title="Decision scores">
        <div className="grid gap-4 sm:grid-cols-2">
          <NumberField
            name="passScore"
            label="Pass score (0–100)"
            min={0}
            max={100}
            step={1}
            description="Below this the journey stops (default: 70)."
          />
          <NumberField
            name="proceedScore"
            label="Proceed score (0–100)"
            min={0}
            max={100}
            step={1}
            description="At or above: proceed as scoped; between the two: proceed with conditions."
          />
        </div>
      </Section>

      <Section title="Timeline estimate">
        <Fields section="timeline" fields={TIMELINE} />
      </Section>

      <Section title="Resources and budget">
        <Fields section="resource" fields={RESOURCE} />
      </Section>

      <Section title="Technical risk">
        <Fields section="technical" fields={TECHNICAL} />
        {regimes.length > 0 ? (
          <fieldset className="grid gap-3">
            <legend className="mb-1 text-sm font-medium">Penalty per compliance regime (points)</legend>
            <div className="grid gap-4 sm:grid-cols-3">
              {regimes.map((regime) => (
                <NumberField
                  key={regime}
                  name={`technical.compliancePenalties.${regime}`}
                  label={`${regime} penalty`}
                  min={0}
                  max={100}
                  step={1}
                />
              ))}
            </div>
            <p className="text-sm text-muted-foreground">Add or remove regimes in the JSON view.</p>
          </fieldset>
        ) : null}
        <ListField
          name="technical.legacyTech"
          label="Legacy technologies (one per line)"
          description="Matched as substrings, without case."
        />
      </Section>

      <Section title="Success probability">
        <Fields section="successProbability" fields={PROBABILITY} />
        <WeightSum
          name="successProbability"
          keys={["feasibilityWeight", "qualificationWeight"]}
          what="Feasibility and qualification weights"
        />
      </Section>

      <Section title="Complexity levels">
        <Fields section="complexity" fields={COMPLEXITY} />
      </Section>
    </div>
  );
}
