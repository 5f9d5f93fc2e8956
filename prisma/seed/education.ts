import type { ServiceType } from "../../server/db/generated/enums";
import { addDays, addHours, type SeedContext } from "./context";

type Item = { key: string; title: string; kind: string; audience: string; serviceTypes: ServiceType[]; durationMinutes: number; body: string };
const ALL: ServiceType[] = ["MVP_DEVELOPMENT", "LEGACY_MODERNIZATION", "TEAM_AUGMENTATION"];

/** seed §1.3 EDUCATION_CONTENT (the first two, verbatim) plus the library entries the journey needs. */
const ITEMS: Item[] = [
  {
    key: "autonomous_development_overview", title: "How Autonomous Development Works", kind: "interactive", audience: "business", serviceTypes: ALL, durationMinutes: 15,
    body: [
      "Our AI agent team works like a traditional development team, but 20x faster:",
      "1. **Requirements Analysis** (Day 1): AI agents analyze and clarify requirements",
      "2. **Architecture Design** (Day 2): Solution architects design optimal architecture",
      "3. **Development Sprint** (Days 3-21): Multi-agent development with daily builds",
      "4. **Quality Assurance** (Days 22-28): Automated testing and validation",
      "5. **Delivery & Handoff** (Days 29-30): Documentation and knowledge transfer",
      "**What to Expect:**",
      "- Daily progress reports with working demos\n- 95%+ test coverage and enterprise-grade code quality\n- Real-time communication via your preferred channels\n- Complete documentation and source code ownership",
    ].join("\n\n"),
  },
  {
    key: "success_guarantee_explanation", title: "30-Day Success Guarantee Details", kind: "interactive", audience: "business", serviceTypes: ALL, durationMinutes: 10,
    body: [
      "We guarantee project success with measurable criteria:",
      "**Success Metrics:**\n- Functional MVP delivered within timeline (Weight: 40%)\n- 95%+ test coverage maintained (Weight: 30%)\n- Customer satisfaction score ≥ 8.5/10 (Weight: 30%)",
      "**Guarantee Process:**\n- Week 1: Baseline establishment and early milestones\n- Week 2: Mid-point validation and course correction\n- Week 3: Pre-delivery validation and stakeholder review\n- Week 4: Final delivery and success measurement",
      "**If Success Criteria Not Met:**\n- Full refund of guarantee amount ($150,000)\n- Continued development at no cost until criteria met\n- Migration assistance to alternative solutions",
    ].join("\n\n"),
  },
  {
    key: "weekly_milestones_explained", title: "Reading Your Weekly Milestones", kind: "article", audience: "all", serviceTypes: ALL, durationMinutes: 8,
    body: "Each week has weighted success criteria. The weighted score decides the week: at or above the minimum threshold it succeeds, between the escalation and minimum thresholds it is at risk and a recovery plan starts, below the escalation threshold it fails and is escalated.",
  },
  {
    key: "signing_off_deliverables", title: "Signing Off Deliverables", kind: "video", audience: "business", serviceTypes: ALL, durationMinutes: 6,
    body: "Some criteria — requirements, feature demos, user acceptance — need your sign-off. Approve when the deliverable matches what was agreed, or request changes with a comment. Every sign-off is recorded in a tamper-evident log.",
  },
  {
    key: "legacy_modernization_playbook", title: "Legacy Modernization Playbook", kind: "article", audience: "technical", serviceTypes: ["LEGACY_MODERNIZATION"], durationMinutes: 20,
    body: "How we inventory a legacy system, carve it into migration slices, run old and new side by side, and cut over with a rollback plan — with the performance and vulnerability targets the accelerated tier guarantees.",
  },
  {
    key: "working_with_an_augmented_team", title: "Working With an Augmented Team", kind: "article", audience: "technical", serviceTypes: ["TEAM_AUGMENTATION", "MVP_DEVELOPMENT"], durationMinutes: 12,
    body: "Branching, code review and standup conventions for mixed customer and Onward teams, and how CI evidence flows into the weekly milestone validation.",
  },
];

/** The content library for every tenant, and a scheduled plan for accounts flagged in their spec. */
export function buildEducation(ctx: SeedContext): void {
  const { rows, tenantId, now } = ctx;
  const createdAt = ctx.daysAgo(140);
  const library = ITEMS.map((item) => ({ item, id: ctx.id() }));
  for (const { item, id } of library) rows.educationItem.push({ id, tenantId, ...item, createdAt });
  for (const account of ctx.accounts.values()) {
    if (!account.spec.educationPlan) continue;
    const project = ctx.spec.projects.find((p) => p.account === account.spec.key && p.scenario === "kickoff");
    const serviceType = project?.serviceType ?? "MVP_DEVELOPMENT";
    const planId = ctx.id();
    const planStart = addDays(now, -4);
    rows.educationPlan.push({ id: planId, tenantId, customerAccountId: account.id, serviceType, background: "business", createdAt: planStart });
    // seed §1.3: delivered over the days before kickoff; earlier items are done, later ones still scheduled
    library.filter(({ item }) => item.serviceTypes.includes(serviceType)).forEach(({ id: itemId }, n) => {
      const scheduledAt = addHours(addDays(planStart, n * 1.5), 2);
      const sent = scheduledAt <= now;
      const completed = sent && n < 2;
      rows.educationDelivery.push({
        id: ctx.id(), tenantId, planId, itemId, userId: account.stakeholders[0] ?? null,
        status: completed ? "COMPLETED" : sent ? "SENT" : "SCHEDULED", scheduledAt,
        sentAt: sent ? scheduledAt : null, completedAt: completed ? addHours(scheduledAt, 20) : null,
      });
    });
  }
}
