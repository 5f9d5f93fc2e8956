"use client";

import { useContext, useId } from "react";
import { useFormContext } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { NumberInput } from "@/components/ui/form-controls";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { SERVICE_TYPES, SERVICE_TYPE_LABELS, categoryLabel, criterionLabel } from "@/domain/qualification/config";
import { asArray, asRecord, finite, getIn, sumOf, tidy } from "./config-draft";
import {
  ConfigReadOnly,
  GroupMessage,
  NumberField,
  Section,
  fieldKeys,
  useDraft,
  type ConfigValues,
} from "./config-fields";

const share = (part: number, total: number) => (total > 0 ? `${tidy((part / total) * 100).toFixed(1)}%` : "—");

/** Criterion points per category with live subtotals and total, partial credit, pass score, service fit. */
export function QualificationConfigForm() {
  const draft = useDraft();
  const criteria = asRecord(getIn(draft, ["criteria"]));
  const categories = fieldKeys(criteria).map((category) => {
    const items = asRecord(criteria[category]);
    const entries = fieldKeys(items).map((key) => [key, items[key]] as const);
    return { category, entries, subtotal: sumOf(entries.map(([, v]) => v)) };
  });
  const total = categories.reduce((a, c) => a + c.subtotal, 0);
  const partialCredit = finite(getIn(draft, ["partialCredit"]));

  return (
    <div className="grid gap-6">
      <Section
        title="Criteria points"
        description="A lead's score is the points its answers earn out of the total, on 0–100. Add or rename criteria in the JSON view."
      >
        <p role="status" className="text-sm">
          Total: <strong className="tabular-nums">{total}</strong> points across {categories.length} categories
          <span className="text-muted-foreground"> (default: 235)</span>
        </p>
        <GroupMessage name="criteria" />
        <div className="grid gap-6">
          {categories.map(({ category, entries, subtotal }) => (
            <CategoryTable key={category} category={category} entries={entries} subtotal={subtotal} total={total} />
          ))}
        </div>
      </Section>

      <Section title="Scoring rules">
        <div className="grid gap-4 sm:grid-cols-2">
          {getIn(draft, ["partialCredit"]) !== undefined ? (
            <NumberField
              name="partialCredit"
              label="Partial credit (share of the points, 0–1)"
              min={0}
              max={1}
              step={0.05}
              description={
                partialCredit !== null && partialCredit >= 0 && partialCredit <= 1
                  ? `A “partial” answer earns ${tidy(partialCredit * 100)}% of a criterion's points, rounded down: ${Math.floor(25 * partialCredit)} of 25.`
                  : "A “partial” answer earns this share of a criterion's points, rounded down."
              }
            />
          ) : null}
          <NumberField
            name="passScore"
            label="Pass score (0–100)"
            min={0}
            max={100}
            step={1}
            description="A lead scoring below this is unqualified and stops."
          />
        </div>
      </Section>

      <Section
        title="Service fit"
        description="Per service type: the minimum score to offer it and the ideal score range. The minimum must not be above the ideal range's start."
      >
        <div className="grid gap-4 xl:grid-cols-3">
          {SERVICE_TYPES.map((serviceType) => (
            <FitRuleFields key={serviceType} serviceType={serviceType} />
          ))}
        </div>
      </Section>

      <DisqualifierRules />

      {getIn(draft, ["categoryFactorShares"]) !== undefined ? (
        <Section
          title="Key-factor shares"
          description="A whole category named as a key factor counts as present, or partly present, from these shares of its points."
        >
          <div className="grid gap-4 sm:grid-cols-2">
            <NumberField
              name="categoryFactorShares.present"
              label="Present from (share, 0–1)"
              min={0}
              max={1}
              step={0.05}
            />
            <NumberField
              name="categoryFactorShares.partial"
              label="Partly present from (share, 0–1)"
              min={0}
              max={1}
              step={0.05}
            />
          </div>
        </Section>
      ) : null}
    </div>
  );
}

/** One category's criteria as a table: each row is a field (its label, points box and message) with its share. */
function CategoryTable({
  category,
  entries,
  subtotal,
  total,
}: {
  category: string;
  entries: (readonly [string, unknown])[];
  subtotal: number;
  total: number;
}) {
  const { control } = useFormContext<ConfigValues>();
  const readOnly = useContext(ConfigReadOnly);
  const headingId = useId();
  return (
    <div className="grid gap-2">
      <h4 id={headingId} className="flex flex-wrap items-baseline justify-between gap-2 text-sm font-medium">
        <span>{categoryLabel(category)}</span>
        <span className="text-muted-foreground tabular-nums">
          {subtotal} points · {share(subtotal, total)} of the total
        </span>
      </h4>
      <GroupMessage name={`criteria.${category}`} />
      <Table aria-labelledby={headingId}>
        <TableCaption className="sr-only">Points per criterion in {categoryLabel(category)}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Criterion</TableHead>
            <TableHead className="w-32">Points</TableHead>
            <TableHead className="w-28 text-right">Share</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map(([key, value]) => (
            <FormField
              key={key}
              control={control}
              name={`criteria.${category}.${key}`}
              render={({ field }) => (
                <FormItem asChild>
                  <TableRow>
                    <TableHead scope="row" className="font-normal text-foreground">
                      <FormLabel className="grid gap-0 leading-normal font-normal select-auto">
                        <span>
                          {criterionLabel(key)}
                          <span className="sr-only"> points</span>
                        </span>
                        <code className="text-xs text-muted-foreground">{key}</code>
                      </FormLabel>
                    </TableHead>
                    <TableCell className="align-top">
                      <div className="grid w-28 gap-1">
                        <FormControl>
                          <NumberInput {...field} readOnly={readOnly} min={0} step={1} />
                        </FormControl>
                        <FormMessage className="text-xs whitespace-normal" />
                      </div>
                    </TableCell>
                    <TableCell className="text-right tabular-nums text-muted-foreground">
                      {share(finite(value) ?? 0, total)}
                    </TableCell>
                  </TableRow>
                </FormItem>
              )}
            />
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableHead scope="row" className="text-foreground">
              Subtotal
            </TableHead>
            <TableCell className="tabular-nums">{subtotal}</TableCell>
            <TableCell className="text-right tabular-nums">{share(subtotal, total)}</TableCell>
          </TableRow>
        </TableFooter>
      </Table>
    </div>
  );
}

function FitRuleFields({ serviceType }: { serviceType: (typeof SERVICE_TYPES)[number] }) {
  const draft = useDraft();
  const base = ["fitMatrix", serviceType] as const;
  const at = (field: string) => `fitMatrix.${serviceType}.${field}`;
  const name = SERVICE_TYPE_LABELS[serviceType];
  const minimum = finite(getIn(draft, [...base, "minimumScore"]));
  const low = finite(getIn(draft, [...base, "idealScoreRange", 0]));
  const high = finite(getIn(draft, [...base, "idealScoreRange", 1]));
  const rules = asRecord(getIn(draft, ["disqualifierRules"]));
  const keyFactors = asArray(getIn(draft, [...base, "keyFactors"])).map(String);
  const disqualifiers = asArray(getIn(draft, [...base, "disqualifiers"])).map(String);
  const criteria = asRecord(getIn(draft, ["criteria"]));

  let check: { ok: boolean; text: string } | null = null;
  if (minimum !== null && low !== null && high !== null) {
    if (minimum > low) check = { ok: false, text: `Minimum (${minimum}) must be ≤ the ideal score (${low})` };
    else if (low > high)
      check = { ok: false, text: `The ideal range must start at or below its end (${low} > ${high})` };
    else check = { ok: true, text: `Minimum ≤ ideal: ${minimum} ≤ ${low}–${high} ✓` };
  }

  return (
    <fieldset className="grid content-start gap-3 rounded-md border p-3">
      <legend className="px-1 text-sm font-medium">
        {name} <code className="text-xs font-normal text-muted-foreground">{serviceType.toLowerCase()}</code>
      </legend>
      <NumberField name={at("minimumScore")} label="Minimum score" srPrefix={name} min={0} max={100} step={1} />
      <div className="grid grid-cols-2 gap-3">
        <NumberField
          name={at("idealScoreRange.0")}
          label="Ideal score from"
          srPrefix={name}
          min={0}
          max={100}
          step={1}
        />
        <NumberField name={at("idealScoreRange.1")} label="Ideal score to" srPrefix={name} min={0} max={100} step={1} />
      </div>
      {check ? (
        <p
          role="status"
          className={cn("text-sm tabular-nums", check.ok ? "text-success" : "font-medium text-destructive")}
        >
          {check.text}
        </p>
      ) : null}
      <GroupMessage name={at("idealScoreRange")} serverOnly />
      <div className="grid gap-1 text-sm">
        <span className="text-muted-foreground">Key factors</span>
        <ul className="flex flex-wrap gap-1" aria-label={`${name} key factors`}>
          {keyFactors.length === 0 ? <li className="text-muted-foreground">none</li> : null}
          {keyFactors.map((f) => (
            <li key={f}>
              <Badge variant="outline">{Object.hasOwn(criteria, f) ? categoryLabel(f) : criterionLabel(f)}</Badge>
            </li>
          ))}
        </ul>
      </div>
      <div className="grid gap-1 text-sm">
        <span className="text-muted-foreground">Disqualifiers</span>
        <ul className="flex flex-wrap gap-1" aria-label={`${name} disqualifiers`}>
          {disqualifiers.length === 0 ? <li className="text-muted-foreground">none</li> : null}
          {disqualifiers.map((d) => {
            const label = asRecord(rules[d]).label;
            return (
              <li key={d}>
                <Badge variant="outline">{typeof label === "string" ? label : d}</Badge>
              </li>
            );
          })}
        </ul>
      </div>
    </fieldset>
  );
}

function DisqualifierRules() {
  const draft = useDraft();
  const all = asRecord(getIn(draft, ["disqualifierRules"]));
  const rules = fieldKeys(all).map((key) => [key, all[key]] as const);
  if (rules.length === 0) return null;
  return (
    <Section
      title="Disqualifier rules"
      description="A disqualifier rules a service out whatever the score. Add rules or change which criteria they read in the JSON view."
    >
      <ul className="grid gap-3">
        {rules.map(([key, value]) => {
          const rule = asRecord(value);
          const label = typeof rule.label === "string" ? rule.label : key;
          return (
            <li key={key} className="grid gap-2 rounded-md border p-3 text-sm sm:grid-cols-[1fr_14rem] sm:items-start">
              <div className="grid gap-1">
                <span className="font-medium">
                  {label} <code className="text-xs font-normal text-muted-foreground">{key}</code>
                </span>
                <span className="text-muted-foreground">
                  {rule.kind === "answer_none"
                    ? `When any of these is answered “none”: ${asArray(rule.criteria)
                        .map((c) => criterionLabel(String(c)))
                        .join(", ")}`
                    : rule.kind === "timeline_under"
                      ? "When the desired timeline is shorter than the minimum below"
                      : rule.kind === "critical_without_fallback"
                        ? "When the system is business critical and no fallback plan is recorded"
                        : "Unknown rule kind"}
                </span>
              </div>
              {rule.kind === "timeline_under" ? (
                <NumberField
                  name={`disqualifierRules.${key}.minWeeks`}
                  label="Minimum timeline (weeks)"
                  srPrefix={label}
                  min={1}
                  max={520}
                  step={1}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
