/**
 * The education content library (docs/domain.md#education EDUCATION_CONTENT), the default for every tenant. The seed's two
 * items keep its facts (phases by day, success metrics 40/30/30, remedies) in our words; the guarantee amount
 * is a placeholder filled per project, because the seed's $150,000 is one tier's refund, not everyone's.
 */
import type { ServiceType } from "@/generated/prisma/enums";

export type EducationKind = "article" | "video" | "walkthrough" | "checklist";
export type EducationAudience = "technical" | "business" | "all";
/** docs/domain.md#education delivery_method */
export type DeliveryMethod = "email" | "video_call" | "interactive_demo";

export type EducationItemSpec = {
  key: string;
  title: string;
  kind: EducationKind;
  audience: EducationAudience;
  serviceTypes: ServiceType[];
  /** markdown-ish text; may hold {{placeholders}} (see renderEducationBody) */
  body: string;
  durationMinutes: number;
  deliveryMethod: DeliveryMethod;
};

/** The seed's two items: every plan starts with them (guarantee first, then how the work runs). */
export const GUARANTEE_ITEM_KEY = "success_guarantee_explanation";
export const OVERVIEW_ITEM_KEY = "autonomous_development_overview";

const ALL_SERVICES: ServiceType[] = ["MVP_DEVELOPMENT", "LEGACY_MODERNIZATION", "TEAM_AUGMENTATION"];

const md = (...paragraphs: string[]) => paragraphs.join("\n\n");

export const DEFAULT_EDUCATION_LIBRARY: EducationItemSpec[] = [
  {
    // docs/domain.md#guarantee success_guarantee_explanation, 10 minutes
    key: GUARANTEE_ITEM_KEY,
    title: "30-Day Success Guarantee Details",
    kind: "article",
    audience: "all",
    serviceTypes: ALL_SERVICES,
    durationMinutes: 10,
    deliveryMethod: "email",
    body: md(
      "Your project is backed by a guarantee with success you can measure, not a promise of effort.",
      "**How success is measured**\n- A working MVP delivered on the agreed timeline — 40% of the score\n- Test coverage kept at 95% or more — 30%\n- Your satisfaction rating of at least 8.5 out of 10 — 30%",
      "**How the four weeks run**\n- Week 1: we set the baseline and hit the first milestones\n- Week 2: mid-point check, and we correct course if needed\n- Week 3: validation before delivery, reviewed with your stakeholders\n- Week 4: final delivery, then we measure success against the criteria above",
      "**If the criteria are not met, you choose**\n- a full refund of the guarantee amount ({{refundAmount}})\n- or continued development at no cost until the criteria are met\n- or help migrating to another solution",
    ),
  },
  {
    // docs/domain.md#education autonomous_development_overview, 15 minutes (demo video + architecture walkthrough)
    key: OVERVIEW_ITEM_KEY,
    title: "How Autonomous Development Works",
    kind: "walkthrough",
    audience: "all",
    serviceTypes: ALL_SERVICES,
    durationMinutes: 15,
    deliveryMethod: "interactive_demo",
    body: md(
      "A team of AI agents, overseen by our engineers, works like a conventional development team — only much faster. The 30 days follow five phases:",
      "1. **Requirements analysis** (day 1): the requirements are analysed and every open question is clarified with you\n2. **Architecture design** (day 2): solution architects design the architecture\n3. **Development sprint** (days 3–21): several agents build in parallel, with a build every day\n4. **Quality assurance** (days 22–28): automated testing and validation\n5. **Delivery and handoff** (days 29–30): documentation and knowledge transfer",
      "**What you can expect**\n- a progress report with a working demo every day\n- 95%+ test coverage and enterprise-grade code quality\n- real-time communication on the channels you prefer\n- full documentation, and the source code is yours",
    ),
  },
  {
    key: "first_week_checklist",
    title: "Your first week: what we need from you",
    kind: "checklist",
    audience: "all",
    serviceTypes: ALL_SERVICES,
    durationMinutes: 8,
    deliveryMethod: "email",
    body: md(
      "The first week sets the baseline the guarantee is measured against, so a few things from you make the biggest difference.",
      "- [ ] Name one approver who can sign off milestones\n- [ ] Share access to repositories, environments and any existing documentation\n- [ ] Book the requirements session on day 1 and the architecture review on day 2\n- [ ] Tell us your preferred channels (email, Slack or Teams) for daily updates\n- [ ] Confirm the success criteria and the acceptance of week 1's milestone",
    ),
  },
  {
    key: "signing_off_weekly_milestone",
    title: "Signing off a weekly milestone",
    kind: "video",
    audience: "all",
    serviceTypes: ALL_SERVICES,
    durationMinutes: 6,
    deliveryMethod: "email",
    body: md(
      "Every week ends with a milestone made of weighted criteria. Some — the requirements, feature demos, user acceptance — need your sign-off in the portal.",
      "Approve when the deliverable matches what was agreed; otherwise request changes with a comment saying what is missing. Your sign-off is recorded in a tamper-evident log and counts towards the week's score: at or above the week's threshold it succeeds, below it a recovery plan starts.",
    ),
  },
  {
    key: "reading_progress_updates",
    title: "Reading your progress updates",
    kind: "article",
    audience: "business",
    serviceTypes: ALL_SERVICES,
    durationMinutes: 7,
    deliveryMethod: "email",
    body: md(
      "You receive an update shaped for your role: executives see progress against the guarantee and risks, product owners see features and upcoming deliverables.",
      "Each update shows the share of weekly milestones met, the trend against last week, what was achieved, and anything at risk with the action already taken. Days left on the 30-day guarantee are always shown.",
    ),
  },
  {
    key: "quality_gates_and_ci",
    title: "How quality gates read your CI",
    kind: "walkthrough",
    audience: "technical",
    serviceTypes: ALL_SERVICES,
    durationMinutes: 20,
    deliveryMethod: "interactive_demo",
    body: md(
      "Quality is checked by gates, not by opinion. Your CI posts evidence — coverage, complexity, maintainability, vulnerabilities, benchmark results — with the commit and build URL through an API token.",
      "**Code gates**: coverage ≥ 95%, cyclomatic complexity ≤ 10, maintainability ≥ 8.5, zero known vulnerabilities, performance ≥ 95% of the benchmark.\n**Delivery and process gates**: requirement traceability, acceptance-criteria coverage, documentation, milestone adherence.",
      "A validation combines code (40%), delivery (30%) and process (30%). A score below 80, or more than two failed gates, escalates to the technical lead with recommendations.",
    ),
  },
  {
    key: "legacy_modernization_preparation",
    title: "Preparing your legacy system for modernization",
    kind: "checklist",
    audience: "technical",
    serviceTypes: ["LEGACY_MODERNIZATION"],
    durationMinutes: 20,
    deliveryMethod: "video_call",
    body: md(
      "Modernization goes slice by slice, with old and new running side by side and a rollback plan for every cut-over. Preparing these saves days:",
      "- [ ] An inventory of the system: modules, data stores, batch jobs, integrations\n- [ ] Read access to the code and a copy of production-like data\n- [ ] Today's performance figures and the latest vulnerability scan — our baseline for the 50% performance and 90% vulnerability-reduction targets\n- [ ] The people who know the undocumented rules, available for an hour a day",
    ),
  },
  {
    key: "legacy_cutover_for_the_business",
    title: "Planning the cut-over with your business",
    kind: "article",
    audience: "business",
    serviceTypes: ["LEGACY_MODERNIZATION"],
    durationMinutes: 10,
    deliveryMethod: "email",
    body: md(
      "Each slice of the legacy system switches over on a date you agree, in a window that suits your operations, with the old path kept ready as a fallback.",
      "What we need from the business: the periods that must stay frozen, who signs off each cut-over, and how users will be told. Nothing switches without that sign-off.",
    ),
  },
  {
    key: "working_with_augmented_team",
    title: "Working with an augmented team",
    kind: "walkthrough",
    audience: "technical",
    serviceTypes: ["TEAM_AUGMENTATION"],
    durationMinutes: 15,
    deliveryMethod: "video_call",
    body: md(
      "Our agents and engineers join your team's workflow rather than replacing it: your branching model, your code review rules, your standups.",
      "We agree on who reviews whose pull requests, which CI checks gate a merge, and how the CI evidence flows into the weekly milestone validation. Your engineers keep ownership of the code at every step.",
    ),
  },
];

/** Values for the placeholders an item body may hold. */
export type EducationPlaceholders = { refundAmount?: string };

/** Fills known {{placeholders}}; unknown or missing ones stay visible so a gap is noticed, not hidden. */
export function renderEducationBody(body: string, values: EducationPlaceholders): string {
  return body.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = name === "refundAmount" ? values.refundAmount : undefined;
    return value ?? whole;
  });
}
