import { ZIntakeContactSchema, ZIntakeProjectSchema } from "@/lib/schemas/intake";
import type { Answer } from "@/domain/qualification/config";

/**
 * The form as the prospect is filling it in: text as typed, kept in sessionStorage so a reload (or a
 * phone that drops the tab) loses nothing. Converted to the submission only when checked or sent.
 */
export type YesNo = "" | "yes" | "no";
export type IntakeDraft = {
  step: number;
  answers: Record<string, Answer>;
  project: {
    features: string;
    timelineWeeks: string;
    budgetBand: string;
    teamSize: string;
    techStack: string;
    integrations: string;
    compliance: string[];
    complianceOther: string;
    businessCritical: YesNo;
    hasFallbackPlan: YesNo;
  };
  contact: { name: string; email: string; company: string; phone: string };
};

export const EMPTY_DRAFT: IntakeDraft = {
  step: 0,
  answers: {},
  project: {
    features: "",
    timelineWeeks: "",
    budgetBand: "",
    teamSize: "",
    techStack: "",
    integrations: "",
    compliance: [],
    complianceOther: "",
    businessCritical: "",
    hasFallbackPlan: "",
  },
  contact: { name: "", email: "", company: "", phone: "" },
};

export type Step =
  | { kind: "criteria"; category: string; criteria: string[] }
  | { kind: "project" }
  | { kind: "technology" }
  | { kind: "contact" };

/** The configuration version is part of the key: a draft for other questions is not reused. */
export const draftKey = (slug: string, configVersion: number) => `onward:assess:${slug}:v${configVersion}`;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === "string" ? v.slice(0, 20_000) : "");
const yesNo = (v: unknown): YesNo => (v === "yes" || v === "no" ? v : "");

/** A stored draft, read defensively: anything unexpected falls back to empty. */
export function readDraft(key: string): IntakeDraft {
  let raw: unknown;
  try {
    raw = JSON.parse(window.sessionStorage.getItem(key) ?? "null");
  } catch {
    return EMPTY_DRAFT;
  }
  if (!isRecord(raw)) return EMPTY_DRAFT;
  const answers: Record<string, Answer> = {};
  if (isRecord(raw.answers)) {
    for (const [k, v] of Object.entries(raw.answers))
      if (v === "full" || v === "partial" || v === "none") answers[k] = v;
  }
  const p = isRecord(raw.project) ? raw.project : {};
  const c = isRecord(raw.contact) ? raw.contact : {};
  return {
    step: typeof raw.step === "number" && Number.isInteger(raw.step) ? raw.step : 0,
    answers,
    project: {
      features: text(p.features),
      timelineWeeks: text(p.timelineWeeks),
      budgetBand: text(p.budgetBand),
      teamSize: text(p.teamSize),
      techStack: text(p.techStack),
      integrations: text(p.integrations),
      complianceOther: text(p.complianceOther),
      compliance: Array.isArray(p.compliance)
        ? p.compliance.filter((x): x is string => typeof x === "string").slice(0, 20)
        : [],
      businessCritical: yesNo(p.businessCritical),
      hasFallbackPlan: yesNo(p.hasFallbackPlan),
    },
    contact: { name: text(c.name), email: text(c.email), company: text(c.company), phone: text(c.phone) },
  };
}

export function saveDraft(key: string, draft: IntakeDraft): void {
  try {
    window.sessionStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // private mode or a full quota: the form still works, it just does not survive a reload
  }
}

export function clearDraft(key: string): void {
  try {
    window.sessionStorage.removeItem(key);
  } catch {
    // nothing stored, nothing to clear
  }
}

const list = (v: string) =>
  v
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
/** "" stays undefined so the schema says "Enter the … as a number" instead of reading 0. */
function num(v: string): number | undefined {
  const s = v.trim().replace(/,/g, "");
  return s === "" ? undefined : Number(s);
}
const bool = (v: YesNo) => (v === "" ? undefined : v === "yes");

export function toProject(p: IntakeDraft["project"]) {
  return {
    features: p.features
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    timelineWeeks: num(p.timelineWeeks),
    budgetBand: p.budgetBand,
    teamSize: num(p.teamSize),
    techStack: list(p.techStack),
    integrations: list(p.integrations),
    compliance: [...p.compliance, ...list(p.complianceOther)],
    businessCritical: bool(p.businessCritical),
    hasFallbackPlan: bool(p.hasFallbackPlan),
  };
}

export function toContact(c: IntakeDraft["contact"]) {
  return { name: c.name, email: c.email, company: c.company, ...(c.phone.trim() ? { phone: c.phone } : {}) };
}

/** Server and client field keys, cut to "section.field" ("project.features.3" → "project.features"). */
export const fieldKey = (key: string) => key.split(".").slice(0, 2).join(".");

const PROJECT_FIELDS = [
  "features",
  "timelineWeeks",
  "budgetBand",
  "teamSize",
  "businessCritical",
  "hasFallbackPlan",
] as const;
const TECHNOLOGY_FIELDS = ["techStack", "integrations", "compliance"] as const;

function zodErrors(prefix: string, issues: { path: PropertyKey[]; message: string }[], fields: readonly string[]) {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    if (fields.includes(field)) out[`${prefix}.${field}`] ??= issue.message;
  }
  return out;
}

/** What is wrong on one step, keyed like the server's field errors; empty when the step is complete. */
export function stepErrors(step: Step, draft: IntakeDraft): Record<string, string> {
  if (step.kind === "criteria") {
    return Object.fromEntries(
      step.criteria.filter((k) => !draft.answers[k]).map((k) => [`answers.${k}`, "Choose an answer"]),
    );
  }
  if (step.kind === "contact") {
    const parsed = ZIntakeContactSchema.safeParse(toContact(draft.contact));
    return parsed.success ? {} : zodErrors("contact", parsed.error.issues, ["name", "email", "company", "phone"]);
  }
  const parsed = ZIntakeProjectSchema.safeParse(toProject(draft.project));
  if (parsed.success) return {};
  return zodErrors("project", parsed.error.issues, step.kind === "project" ? PROJECT_FIELDS : TECHNOLOGY_FIELDS);
}

/** The step a server field error belongs to (the first step for anything unplaced). */
export function stepOf(key: string, steps: Step[]): number {
  const [section, field = ""] = key.split(".");
  const index = steps.findIndex((s) => {
    if (section === "answers") return s.kind === "criteria" && s.criteria.includes(field);
    if (section === "project")
      return s.kind === ((TECHNOLOGY_FIELDS as readonly string[]).includes(field) ? "technology" : "project");
    return s.kind === "contact";
  });
  return index === -1 ? 0 : index;
}
