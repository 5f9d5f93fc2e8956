import type { Control } from "react-hook-form";
import { z } from "zod";
import { readListText, readNumberText } from "@/lib/form-input";
import {
  ZIntakeContactSchema,
  ZIntakeProjectSchema,
  type IntakeContact,
  type IntakeProject,
} from "@/lib/schemas/intake";
import { answersSchemaFor } from "@/lib/schemas/qualification";
import { ANSWER_LEVELS, type Answer } from "@/domain/qualification/config";

/**
 * The form as the prospect is filling it in: text as typed, kept in sessionStorage so a reload (or a
 * phone that drops the tab) loses nothing. Read into the submission by the form's schema below.
 */
const ZYesNoText = z.enum(["", "yes", "no"]);
const ZProjectText = z.object({
  features: z.string(),
  timelineWeeks: z.string(),
  budgetBand: z.string(),
  teamSize: z.string(),
  techStack: z.string(),
  integrations: z.string(),
  compliance: z.array(z.string()),
  complianceOther: z.string(),
  businessCritical: ZYesNoText,
  hasFallbackPlan: ZYesNoText,
});
/** undefined until chosen: a question's radio group starts with none checked */
const ZAnswerText = z.enum(ANSWER_LEVELS).optional();
const ZContactText = z.object({ name: z.string(), email: z.string(), company: z.string(), phone: z.string() });

export type YesNo = z.infer<typeof ZYesNoText>;
export type IntakeDraft = {
  step: number;
  answers: Record<string, z.infer<typeof ZAnswerText>>;
  project: z.infer<typeof ZProjectText>;
  contact: z.infer<typeof ZContactText>;
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

const LINE = /\r?\n/;
const LIST = /[\n,]/;
const bool = (v: YesNo) => (v === "" ? undefined : v === "yes");

function toProject(p: IntakeDraft["project"]) {
  return {
    features: readListText(p.features, LINE),
    timelineWeeks: readNumberText(p.timelineWeeks),
    budgetBand: p.budgetBand,
    teamSize: readNumberText(p.teamSize),
    techStack: readListText(p.techStack, LIST),
    integrations: readListText(p.integrations, LIST),
    compliance: [...p.compliance, ...readListText(p.complianceOther, LIST)],
    businessCritical: bool(p.businessCritical),
    hasFallbackPlan: bool(p.hasFallbackPlan),
  };
}

function toContact(c: IntakeDraft["contact"]) {
  return { name: c.name, email: c.email, company: c.company, ...(c.phone.trim() ? { phone: c.phone } : {}) };
}

// the shared schemas take what the readers above give them and check it at run time (as lib/form-input.ts does)
type ReadProject = ReturnType<typeof toProject>;
type ReadContact = ReturnType<typeof toContact>;

/**
 * The wizard's resolver (docs/architecture.md#forms): the text as typed, read into the shared schemas the
 * server checks the submission with, so every message and every error key ("project.features.3") is the
 * server's. The criteria are the tenant's: each unanswered one says so on its own question.
 */
export function intakeFormSchema(criteria: readonly string[]) {
  return z.object({
    answers: z
      .record(z.string(), ZAnswerText)
      .superRefine((answers, ctx) => {
        for (const key of criteria)
          if (!answers[key]) ctx.addIssue({ code: "custom", path: [key], message: "Choose an answer" });
      })
      .pipe(answersSchemaFor(criteria) as z.ZodType<Record<string, Answer>, IntakeDraft["answers"]>),
    project: ZProjectText.transform(toProject).pipe(ZIntakeProjectSchema as z.ZodType<IntakeProject, ReadProject>),
    contact: ZContactText.transform(toContact).pipe(ZIntakeContactSchema as z.ZodType<IntakeContact, ReadContact>),
    /** the honeypot (see ContactStep): only the server judges it */
    website: z.string(),
  });
}

export type IntakeValues = z.input<ReturnType<typeof intakeFormSchema>>;
export type IntakeControl = Control<IntakeValues, unknown, z.output<ReturnType<typeof intakeFormSchema>>>;

const PROJECT_FIELDS = [
  "features",
  "timelineWeeks",
  "budgetBand",
  "teamSize",
  "businessCritical",
  "hasFallbackPlan",
] as const;
const TECHNOLOGY_FIELDS = ["techStack", "integrations", "compliance"] as const;
const CONTACT_FIELDS = ["name", "email", "company", "phone"] as const;

/** The form fields one step shows: what Next checks, and where an error sends the prospect back to. */
export function stepFields(step: Step) {
  if (step.kind === "criteria") return step.criteria.map((key) => `answers.${key}` as const);
  if (step.kind === "project") return PROJECT_FIELDS.map((field) => `project.${field}` as const);
  if (step.kind === "technology") return TECHNOLOGY_FIELDS.map((field) => `project.${field}` as const);
  return [...CONTACT_FIELDS.map((field) => `contact.${field}` as const), "website" as const];
}
