"use client";

import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { DEFAULT_EDUCATION_LIBRARY } from "@/domain/education/library";
import { SERVICE_TYPE_LABELS } from "@/domain/qualification/config";
import { asArray, getIn, humanize } from "./config-draft";
import { ListField, NumberField, Section, useDraft } from "./config-fields";

const LIBRARY_KEYS = new Set(DEFAULT_EDUCATION_LIBRARY.map((item) => item.key));
const ALL_SERVICES = Object.keys(SERVICE_TYPE_LABELS).length;

/** The delivery schedule as numbers, the lead items as a list, and the (fixed) content library for reference. */
export function EducationConfigForm() {
  const draft = useDraft();
  const leadKeys = asArray(getIn(draft, ["leadItemKeys"])).filter((k): k is string => typeof k === "string");
  const unknown = leadKeys.filter((k) => !LIBRARY_KEYS.has(k));
  return (
    <div className="grid gap-6">
      <Section
        title="Delivery schedule"
        description="How each stakeholder's education items are spread out after the start."
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <NumberField
            name="spreadDays"
            label="Spread over (days)"
            min={1}
            max={30}
            step={1}
            description="Default: complete in 3 days."
          />
          <NumberField
            name="completionDays"
            label="Completion deadline (days)"
            min={1}
            max={90}
            step={1}
            description="Success: every item completed within this many days."
          />
          <NumberField name="sendHourUtc" label="Send hour (UTC, 0–23)" min={0} max={23} step={1} />
          <NumberField name="maxPerDay" label="Items per day at most" min={1} max={10} step={1} />
          <NumberField name="slotSpacingMinutes" label="Minutes between two items" min={5} max={720} step={5} />
        </div>
      </Section>

      <Section
        title="Lead items"
        description="Placed first in every plan, in this order, whatever the audience or service type."
      >
        <ListField
          name="leadItemKeys"
          label="Lead item keys (one per line, in order)"
          description="Use the keys from the library below."
        />
        {unknown.length > 0 ? (
          <p role="status" className="text-sm font-medium text-warning">
            Not in the library (they will be skipped): {unknown.join(", ")}
          </p>
        ) : null}
      </Section>

      <Section
        title="Content library"
        description="The items plans are built from. The library is the same for every tenant and is not edited here."
      >
        <Table>
          <TableCaption className="sr-only">Education content library</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>Item</TableHead>
              <TableHead>Kind</TableHead>
              <TableHead>Audience</TableHead>
              <TableHead>Services</TableHead>
              <TableHead className="text-right">Minutes</TableHead>
              <TableHead>Delivery</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {DEFAULT_EDUCATION_LIBRARY.map((item) => {
              const lead = leadKeys.indexOf(item.key);
              return (
                <TableRow key={item.key}>
                  <TableHead scope="row" className="h-auto py-2 font-normal whitespace-normal text-foreground">
                    <span className="grid gap-0.5">
                      <span className="flex flex-wrap items-center gap-2">
                        {item.title}
                        {lead >= 0 ? <Badge variant="secondary">Lead item {lead + 1}</Badge> : null}
                      </span>
                      <code className="text-xs text-muted-foreground">{item.key}</code>
                    </span>
                  </TableHead>
                  <TableCell>{humanize(item.kind)}</TableCell>
                  <TableCell>{humanize(item.audience)}</TableCell>
                  <TableCell className="whitespace-normal">
                    {item.serviceTypes.length === ALL_SERVICES
                      ? "All"
                      : item.serviceTypes.map((s) => SERVICE_TYPE_LABELS[s]).join(", ")}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{item.durationMinutes}</TableCell>
                  <TableCell>{humanize(item.deliveryMethod)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Section>
    </div>
  );
}
