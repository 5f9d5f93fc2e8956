/**
 * Weekly milestone templates by service type (docs/domain.md#milestones MILESTONE_TEMPLATES).
 *
 * Seed: mvp_development, verbatim — titles, criteria, weights, validation methods, deliverables and the
 * thresholds 85/70, 80/65, 85/70, 90/75.
 * Ours: the seed defines only mvp_development. Legacy modernization and team augmentation follow its
 * pattern: four weeks, so the last milestone is validated inside the 30-day guarantee (docs/domain.md#guarantee); the
 * same threshold ladder (foundation 85/70, first build sprint 80/65, quality week 85/70, handover 90/75);
 * weights summing to 1 each week; only the seed's validation methods; a stakeholder_sign_off criterion
 * in each template; and the week-4 satisfaction survey (docs/domain.md#milestones: CSAT ≥ 8.5/10).
 */
import type { MilestoneTemplate } from "./config";

/** docs/domain.md#milestones MILESTONE_TEMPLATES.mvp_development. */
export const MVP_MILESTONES: MilestoneTemplate[] = [
  {
    week: 1,
    title: "Foundation & Architecture",
    minimumSuccessThreshold: 85,
    escalationThreshold: 70,
    criteria: [
      {
        name: "Requirements Analysis Complete",
        weight: 0.3,
        validationMethod: "stakeholder_sign_off",
        deliverable: "Requirements specification document",
      },
      {
        name: "System Architecture Designed",
        weight: 0.4,
        validationMethod: "technical_review",
        deliverable: "Architecture diagrams and technical specification",
      },
      {
        name: "Development Environment Setup",
        weight: 0.2,
        validationMethod: "automated_verification",
        deliverable: "Working development environment with CI/CD",
      },
      {
        name: "Team Communication Established",
        weight: 0.1,
        validationMethod: "stakeholder_feedback",
        deliverable: "Communication channels and daily standup process",
      },
    ],
  },
  {
    week: 2,
    title: "Core Development Sprint",
    minimumSuccessThreshold: 80,
    escalationThreshold: 65,
    criteria: [
      {
        name: "Core Features Implementation",
        weight: 0.5,
        validationMethod: "automated_testing",
        deliverable: "Working core features with 90%+ test coverage",
      },
      {
        name: "API Development & Integration",
        weight: 0.3,
        validationMethod: "integration_testing",
        deliverable: "RESTful APIs with comprehensive documentation",
      },
      {
        name: "Security Implementation",
        weight: 0.2,
        validationMethod: "security_audit",
        deliverable: "Security measures with vulnerability scan results",
      },
    ],
  },
  {
    week: 3,
    title: "Feature Completion & Quality Assurance",
    minimumSuccessThreshold: 85,
    escalationThreshold: 70,
    criteria: [
      {
        name: "All Features Implemented",
        weight: 0.4,
        validationMethod: "stakeholder_demo",
        deliverable: "Complete feature set matching requirements",
      },
      {
        name: "Quality Gates Passed",
        weight: 0.3,
        validationMethod: "automated_quality_checks",
        deliverable: "95%+ test coverage, code quality score >8.5",
      },
      {
        name: "Performance Benchmarks Met",
        weight: 0.2,
        validationMethod: "performance_testing",
        deliverable: "Performance test results meeting SLA requirements",
      },
      {
        name: "User Acceptance Testing",
        weight: 0.1,
        validationMethod: "user_testing",
        deliverable: "UAT results with stakeholder approval",
      },
    ],
  },
  {
    week: 4,
    title: "Delivery & Knowledge Transfer",
    minimumSuccessThreshold: 90,
    escalationThreshold: 75,
    criteria: [
      {
        name: "Production Deployment",
        weight: 0.3,
        validationMethod: "deployment_verification",
        deliverable: "Live production system with monitoring",
      },
      {
        name: "Documentation Complete",
        weight: 0.2,
        validationMethod: "documentation_review",
        deliverable: "Complete technical and user documentation",
      },
      {
        name: "Knowledge Transfer Sessions",
        weight: 0.2,
        validationMethod: "training_completion",
        deliverable: "Team training sessions and recorded materials",
      },
      {
        name: "Customer Satisfaction Survey",
        weight: 0.3,
        validationMethod: "satisfaction_survey",
        deliverable: "Customer satisfaction score ≥ 8.5/10",
      },
    ],
  },
];

/** Ours: assess → migrate incrementally behind a strangler facade → run in parallel → cut over. */
export const LEGACY_MODERNIZATION_MILESTONES: MilestoneTemplate[] = [
  {
    week: 1,
    title: "Assessment & Migration Foundation",
    minimumSuccessThreshold: 85,
    escalationThreshold: 70,
    criteria: [
      {
        name: "Legacy System Inventory Complete",
        weight: 0.3,
        validationMethod: "technical_review",
        deliverable: "Inventory of modules, data stores and integrations with their dependencies",
      },
      {
        name: "Migration Strategy Approved",
        weight: 0.3,
        validationMethod: "stakeholder_sign_off",
        deliverable: "Strangler-fig migration plan with cutover criteria and rollback plan",
      },
      {
        name: "Performance Baseline Captured",
        weight: 0.2,
        validationMethod: "performance_testing",
        deliverable: "Baseline p95 response times of the legacy system under load",
      },
      {
        name: "Migration Environment Setup",
        weight: 0.2,
        validationMethod: "automated_verification",
        deliverable: "Target environment with CI/CD and characterization tests against the legacy system",
      },
    ],
  },
  {
    week: 2,
    title: "Incremental Migration Sprint",
    minimumSuccessThreshold: 80,
    escalationThreshold: 65,
    criteria: [
      {
        name: "First Modules Migrated",
        weight: 0.4,
        validationMethod: "automated_testing",
        deliverable: "First modules running on the new platform behind the strangler facade, 90%+ test coverage",
      },
      {
        name: "Legacy Interfaces Preserved",
        weight: 0.3,
        validationMethod: "integration_testing",
        deliverable: "Contract tests proving the legacy interfaces answer unchanged",
      },
      {
        name: "Security Hardening",
        weight: 0.2,
        validationMethod: "security_audit",
        deliverable: "Vulnerability scan of migrated modules with high and critical findings fixed",
      },
      {
        name: "Migration Progress Review",
        weight: 0.1,
        validationMethod: "stakeholder_feedback",
        deliverable: "Weekly migration review with the system owners",
      },
    ],
  },
  {
    week: 3,
    title: "Parallel Run & Data Validation",
    minimumSuccessThreshold: 85,
    escalationThreshold: 70,
    criteria: [
      {
        name: "Parallel Run Results Accepted",
        weight: 0.3,
        validationMethod: "stakeholder_demo",
        deliverable: "Old and new systems run side by side, results compared with the business owners",
      },
      {
        name: "Data Migration Validated",
        weight: 0.3,
        validationMethod: "automated_verification",
        deliverable: "Reconciliation report: migrated data matches the source record for record",
      },
      {
        name: "Quality Gates Passed",
        weight: 0.2,
        validationMethod: "automated_quality_checks",
        deliverable: "95%+ test coverage, code quality score >8.5 on migrated code",
      },
      {
        name: "Performance Improvement Verified",
        weight: 0.2,
        validationMethod: "performance_testing",
        deliverable: "p95 response times better than the week-1 baseline",
      },
    ],
  },
  {
    week: 4,
    title: "Cutover & Knowledge Transfer",
    minimumSuccessThreshold: 90,
    escalationThreshold: 75,
    criteria: [
      {
        name: "Production Cutover",
        weight: 0.3,
        validationMethod: "deployment_verification",
        deliverable: "Traffic on the new system with monitoring and a tested rollback",
      },
      {
        name: "Decommission Plan Approved",
        weight: 0.2,
        validationMethod: "stakeholder_sign_off",
        deliverable: "Plan to retire the replaced legacy components, approved by the system owner",
      },
      {
        name: "Knowledge Transfer Sessions",
        weight: 0.2,
        validationMethod: "training_completion",
        deliverable: "Runbooks, architecture documentation and recorded sessions",
      },
      {
        name: "Customer Satisfaction Survey",
        weight: 0.3,
        validationMethod: "satisfaction_survey",
        deliverable: "Customer satisfaction score ≥ 8.5/10",
      },
    ],
  },
];

/** Ours: onboard → first merged work → ramp to the sprint commitment → steady state. */
export const TEAM_AUGMENTATION_MILESTONES: MilestoneTemplate[] = [
  {
    week: 1,
    title: "Onboarding & Access",
    minimumSuccessThreshold: 85,
    escalationThreshold: 70,
    criteria: [
      {
        name: "Engineers Onboarded",
        weight: 0.3,
        validationMethod: "stakeholder_sign_off",
        deliverable: "Access to repositories, tools and environments confirmed by the customer's lead",
      },
      {
        name: "Development Environment Working",
        weight: 0.3,
        validationMethod: "automated_verification",
        deliverable: "Local and CI builds green for every embedded engineer",
      },
      {
        name: "Working Agreement Established",
        weight: 0.2,
        validationMethod: "stakeholder_feedback",
        deliverable: "Agreed rituals, definition of done and communication channels",
      },
      {
        name: "Codebase Walkthrough Complete",
        weight: 0.2,
        validationMethod: "technical_review",
        deliverable: "Architecture walkthrough notes with open questions answered",
      },
    ],
  },
  {
    week: 2,
    title: "First Contributions",
    minimumSuccessThreshold: 80,
    escalationThreshold: 65,
    criteria: [
      {
        name: "First Changes Merged",
        weight: 0.4,
        validationMethod: "automated_testing",
        deliverable: "First tickets merged with tests and a green CI",
      },
      {
        name: "Code Review Standards Met",
        weight: 0.3,
        validationMethod: "technical_review",
        deliverable: "Pull requests accepted by the customer's reviewers without major rework",
      },
      {
        name: "Team Rituals Joined",
        weight: 0.3,
        validationMethod: "stakeholder_feedback",
        deliverable: "Participation in stand-ups, planning and reviews confirmed by the team",
      },
    ],
  },
  {
    week: 3,
    title: "Velocity Ramp-Up",
    minimumSuccessThreshold: 85,
    escalationThreshold: 70,
    criteria: [
      {
        name: "Sprint Commitments Delivered",
        weight: 0.4,
        validationMethod: "stakeholder_demo",
        deliverable: "Committed stories demonstrated at the sprint review",
      },
      {
        name: "Quality Gates Passed",
        weight: 0.3,
        validationMethod: "automated_quality_checks",
        deliverable: "95%+ test coverage on new code, complexity ≤ 10",
      },
      {
        name: "Integration Suite Passing",
        weight: 0.2,
        validationMethod: "integration_testing",
        deliverable: "Changes verified against the customer's integration tests",
      },
      {
        name: "Security Standards Met",
        weight: 0.1,
        validationMethod: "security_audit",
        deliverable: "No new high or critical vulnerabilities introduced",
      },
    ],
  },
  {
    week: 4,
    title: "Steady State & Retrospective",
    minimumSuccessThreshold: 90,
    escalationThreshold: 75,
    criteria: [
      {
        name: "Target Velocity Reached",
        weight: 0.3,
        validationMethod: "stakeholder_sign_off",
        deliverable: "Velocity at the agreed target, confirmed by the customer's engineering lead",
      },
      {
        name: "Owned Areas Documented",
        weight: 0.2,
        validationMethod: "documentation_review",
        deliverable: "Documentation of the areas the embedded engineers own",
      },
      {
        name: "Retrospective Held",
        weight: 0.2,
        validationMethod: "stakeholder_feedback",
        deliverable: "Retrospective with actions agreed for the next period",
      },
      {
        name: "Customer Satisfaction Survey",
        weight: 0.3,
        validationMethod: "satisfaction_survey",
        deliverable: "Customer satisfaction score ≥ 8.5/10",
      },
    ],
  },
];
