import type { z } from "zod";
import type { CONFIG_KIND_VALUES } from "@/lib/schemas/config";
import { ZEducationConfigSchema } from "@/domain/education/plan";
import { ZFeasibilityConfigSchema } from "@/domain/feasibility/config";
import {
  CATEGORY_LABELS,
  CRITERION_TEXT,
  SERVICE_TYPE_LABELS,
  ZQualificationConfigSchema,
} from "@/domain/qualification/config";
import { ZTierCatalogueSchema } from "@/domain/tiers/config";
import { ZKickoffConfigSchema } from "@/domain/kickoff/config";
import { ZMilestonesConfigSchema } from "@/domain/milestones/config";
import { ZQualityConfigSchema } from "@/domain/quality/config";
import { ZGuaranteeConfigSchema } from "@/domain/guarantee/config";
import { ZRetentionConfigSchema } from "@/domain/retention/config";

/**
 * Pure helpers for the scoring configuration editor: a draft is the configuration JSON being edited
 * (typed `unknown`, because the JSON view lets a power user give it any shape), read and written by
 * path, and validated with the very schema the server uses (the engine files are pure: zod + types).
 */

export type ConfigKind = (typeof CONFIG_KIND_VALUES)[number];
export type Path = readonly (string | number)[];

/** The kinds with a structured form; any other kind is edited as JSON only. */
export const FORM_KINDS = [
  "qualification",
  "feasibility",
  "tiers",
  "education",
] as const satisfies readonly ConfigKind[];
export type FormKind = (typeof FORM_KINDS)[number];
export const hasForm = (kind: ConfigKind): kind is FormKind => (FORM_KINDS as readonly string[]).includes(kind);

/**
 * Client-side validation per kind (the server checks every kind with its engine's schema whatever this
 * holds; a kind missing here is simply checked on save only).
 */
export const CONFIG_SCHEMAS: Partial<Record<ConfigKind, z.ZodType>> = {
  qualification: ZQualificationConfigSchema,
  feasibility: ZFeasibilityConfigSchema,
  tiers: ZTierCatalogueSchema,
  education: ZEducationConfigSchema,
  milestones: ZMilestonesConfigSchema,
  quality: ZQualityConfigSchema,
  kickoff: ZKickoffConfigSchema,
  guarantee: ZGuaranteeConfigSchema,
  retention: ZRetentionConfigSchema,
} satisfies Record<ConfigKind, z.ZodType>;

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
export const asRecord = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A finite number, else null (a number box left blank holds null in the draft). */
export const finite = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
export const sumOf = (values: readonly unknown[]): number => values.reduce<number>((a, v) => a + (finite(v) ?? 0), 0);
/** Float noise off for display: 0.1 + 0.2 → 0.3. */
export const tidy = (n: number): number => Number(n.toFixed(4));

export function getIn(value: unknown, path: Path): unknown {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === "number") current = current[segment];
    else if (isRecord(current)) current = current[String(segment)];
    else return undefined;
  }
  return current;
}

export type Problem = { key: string; path: readonly PropertyKey[]; message: string };
export type Validation = { ok: boolean; problems: Problem[] };

/**
 * A number box left blank (or null in the JSON): the schema's own words when it has them ("Points must be a
 * number"), else "Enter a number" rather than zod's wording of the type.
 */
const blankNumber: z.core.$ZodErrorMap = (issue) =>
  issue.code === "invalid_type" &&
  issue.expected === "number" &&
  (issue.input === undefined || issue.input === null || Number.isNaN(issue.input))
    ? "Enter a number"
    : undefined;

/** How the form's resolver and the live list of problems parse a draft, so both say the same. */
export const PARSE_OPTIONS = { error: blankNumber };

export function validateConfig(kind: ConfigKind, draft: unknown): Validation {
  const parsed = CONFIG_SCHEMAS[kind]?.safeParse(draft, PARSE_OPTIONS);
  if (!parsed || parsed.success) return { ok: true, problems: [] };
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    // "weights.technical": the key the server's field errors and the form's field names use too
    const key = issue.path.map(String).join(".") || "form";
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ key, path: issue.path, message: issue.message });
  }
  return { ok: false, problems };
}

// ---------------------------------------------------------------- readable locations

export function humanize(key: string): string {
  const words = key
    .replace(/Cents$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const WORDS: Record<string, string> = {
  fitMatrix: "Service fit",
  idealScoreRange: "Ideal score range",
  disqualifierRules: "Disqualifier rules",
  categoryFactorShares: "Key-factor shares",
  successProbability: "Success probability",
  compatibilityWeights: "Compatibility weights",
  pricingWeights: "Pricing weights",
  priceRangeCents: "Price range",
  budgetRangeCents: "Ideal budget range",
  timelineWeeks: "Timeline (weeks)",
  idealCriteria: "Ideal customer",
  teamComposition: "Team composition",
  aiAgents: "AI agents",
  leadItemKeys: "Lead items",
  sendHourUtc: "Send hour (UTC)",
  weeklyDeliveryCostCents: "Weekly delivery cost",
};
const RANGE_KEYS = new Set(["idealScoreRange", "priceRangeCents", "timelineWeeks", "teamSize", "budgetRangeCents"]);

export function segmentLabel(segment: string): string {
  return (
    WORDS[segment] ??
    SERVICE_TYPE_LABELS[segment as keyof typeof SERVICE_TYPE_LABELS] ??
    CATEGORY_LABELS[segment] ??
    CRITERION_TEXT[segment]?.label ??
    humanize(segment)
  );
}

/** ["tiers", "startup_mvp", "priceRangeCents"] → "Tiers › Startup MVP Package › Price range" (tier names from the draft). */
export function describePath(path: readonly PropertyKey[], draft?: unknown): string {
  const parts: string[] = [];
  path.forEach((segment, i) => {
    const tierName = i === 1 && path[0] === "tiers" ? getIn(draft, ["tiers", String(segment), "name"]) : undefined;
    if (typeof tierName === "string" && tierName.trim()) {
      parts.push(tierName.trim());
    } else if (typeof segment === "number") {
      const parent = path[i - 1];
      parts.push(
        typeof parent === "string" && RANGE_KEYS.has(parent) ? (segment === 0 ? "from" : "to") : `item ${segment + 1}`,
      );
    } else {
      parts.push(segmentLabel(String(segment)));
    }
  });
  return parts.join(" › ");
}

/** "Someone saved version 7 while you edited version 6…" → 7 (null when the message names none). */
export function conflictVersion(message: string): number | null {
  const match = /saved version (\d+)/.exec(message);
  return match?.[1] ? Number(match[1]) : null;
}
