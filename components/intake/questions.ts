import type { Answer } from "@/domain/qualification/config";
import { categoryLabel, criterionLabel } from "@/domain/qualification/labels";

/**
 * The qualification criteria (docs/domain.md#qualification) asked in a prospect's words. The answers map onto the CSM
 * form's levels: "yes" = full, "partly" = partial, "not yet" = none. A criterion a tenant added
 * without wording here is asked by its label.
 */
type Question = { question: string; hint: string };

const QUESTIONS: Record<string, Question> = {
  existing_codebase: {
    question: "Is there already code for this product?",
    hint: "A prototype or an older version counts as partly.",
  },
  development_team: {
    question: "Do you have developers of your own who will work with us?",
    hint: "People who can review code and answer technical questions.",
  },
  project_documentation: {
    question: "Is the project written down?",
    hint: "Specifications, user stories, designs or process descriptions.",
  },
  technical_stack_clarity: {
    question: "Have you decided which technologies to use?",
    hint: "Languages, frameworks, hosting. Partly: a preference, not a decision.",
  },
  clear_requirements: {
    question: "Do you know what needs to be built?",
    hint: "The main features and who uses them, agreed internally.",
  },
  defined_timeline: {
    question: "Do you have a target date?",
    hint: "A launch, an event or a contract date the project must meet.",
  },
  stakeholder_alignment: {
    question: "Do the people who decide agree on this project?",
    hint: "Leadership and the teams affected support it.",
  },
  success_criteria: {
    question: "Have you defined how you will measure success?",
    hint: "For example: sign-ups per week, processing time, error rate.",
  },
  budget_defined: {
    question: "Is a budget set aside for this project?",
    hint: "Partly: a range is discussed but not approved.",
  },
  decision_authority: {
    question: "Is the person who approves the spend involved?",
    hint: "They know about the project and can sign off.",
  },
  contract_timeline: {
    question: "Could you sign a contract within a few weeks?",
    hint: "Procurement and legal review included.",
  },
  change_management: {
    question: "Is there a plan for how your organisation will adopt the change?",
    hint: "Training, roll-out, who supports users.",
  },
  team_availability: {
    question: "Can your people set time aside to take part?",
    hint: "Reviews, weekly sign-offs, answering questions.",
  },
  communication_structure: {
    question: "Is it clear who talks to us, and how often?",
    hint: "Named contacts and a regular meeting.",
  },
};

export const ANSWER_CHOICES: { value: Answer; label: string }[] = [
  { value: "full", label: "Yes" },
  { value: "partial", label: "Partly" },
  { value: "none", label: "Not yet / not sure" },
];

export const CATEGORY_INTRO: Record<string, string> = {
  technical_readiness: "Where the technology stands today.",
  business_readiness: "How clear the goal is, and who stands behind it.",
  financial_readiness: "Money and the decision to spend it.",
  organizational_readiness: "How your organisation will take part.",
};

export function questionFor(key: string): Question {
  return QUESTIONS[key] ?? { question: `${criterionLabel(key)}: is this in place?`, hint: "" };
}

export function categoryTitle(key: string): string {
  return categoryLabel(key);
}

/** Common regimes offered as checkboxes; anything else goes in "other". */
export const COMPLIANCE_CHOICES = ["GDPR", "HIPAA", "SOC 2", "PCI-DSS", "ISO 27001"] as const;
