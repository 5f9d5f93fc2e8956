import type { ServiceType } from "../../server/db/generated/enums";

/**
 * The seed's numbers, used both to write TenantConfig version 1 and to compute the demo rows, so the
 * stored scores are exactly what the engines will recompute from that config.
 */

/** seed §1.1 QUALIFICATION_CRITERIA: 4 categories, 235 points in total. */
export const QUALIFICATION_CRITERIA: Record<string, Record<string, number>> = {
  technical_readiness: { existing_codebase: 25, development_team: 20, project_documentation: 15, technical_stack_clarity: 10 },
  business_readiness: { clear_requirements: 30, defined_timeline: 20, stakeholder_alignment: 15, success_criteria: 10 },
  financial_readiness: { budget_defined: 25, decision_authority: 20, contract_timeline: 10 },
  organizational_readiness: { change_management: 15, team_availability: 10, communication_structure: 10 },
};
export const QUALIFICATION_MAX_POINTS = 235;
/** seed §6: a qualification score below 60 stops the journey. */
export const QUALIFICATION_PASS_SCORE = 60;

export type FitRule = { idealScoreRange: [number, number]; minimumScore: number; keyFactors: string[]; disqualifiers: string[] };

/** seed §1.1 SERVICE_FIT_MATRIX, keyed by our ServiceType enum. */
export const SERVICE_FIT_MATRIX: Record<ServiceType, FitRule> = {
  MVP_DEVELOPMENT: {
    idealScoreRange: [70, 100], minimumScore: 60,
    keyFactors: ["clear_requirements", "defined_timeline", "budget_defined"],
    disqualifiers: ["no_stakeholder_alignment", "unrealistic_timeline"],
  },
  LEGACY_MODERNIZATION: {
    idealScoreRange: [75, 100], minimumScore: 65,
    keyFactors: ["existing_codebase", "technical_readiness", "change_management"],
    disqualifiers: ["no_technical_team", "business_critical_without_fallback"],
  },
  TEAM_AUGMENTATION: {
    idealScoreRange: [65, 100], minimumScore: 55,
    keyFactors: ["development_team", "clear_requirements", "communication_structure"],
    disqualifiers: ["no_existing_team", "poor_communication_structure"],
  },
};

export type TierKey = "startup_mvp" | "enterprise_mvp" | "legacy_modernization_accelerated";

/** seed §2.1 SERVICE_TIERS; money converted to integer cents. */
export const SERVICE_TIERS: Record<TierKey, {
  name: string; targetCustomers: string[]; priceRangeCents: [number, number]; timelineWeeks: [number, number];
  teamComposition: Record<string, string | number | boolean>; guarantees: Record<string, string | number | boolean>;
  idealCriteria?: Record<string, string | boolean | [number, number]>;
}> = {
  startup_mvp: {
    name: "Startup MVP Package", targetCustomers: ["startups", "entrepreneurs", "small_teams"],
    priceRangeCents: [7_500_000, 15_000_000], timelineWeeks: [4, 8],
    teamComposition: { aiAgents: 3, humanOversight: "part_time", customerSuccessManager: "shared" },
    guarantees: { deliveryGuarantee: true, refundAmountCents: 15_000_000, successThreshold: 80 },
    idealCriteria: { teamSize: [1, 10], budgetRangeCents: [5_000_000, 20_000_000], timelineSensitivity: "high", complexityLevel: "low_to_medium" },
  },
  enterprise_mvp: {
    name: "Enterprise MVP Package", targetCustomers: ["enterprises", "established_companies", "large_teams"],
    priceRangeCents: [20_000_000, 50_000_000], timelineWeeks: [6, 12],
    teamComposition: { aiAgents: 5, humanOversight: "full_time", customerSuccessManager: "dedicated", enterpriseArchitect: true },
    guarantees: { deliveryGuarantee: true, refundAmountCents: 50_000_000, successThreshold: 85 },
    idealCriteria: { teamSize: [10, 100], budgetRangeCents: [15_000_000, 100_000_000], complianceRequirements: true, complexityLevel: "medium_to_high" },
  },
  legacy_modernization_accelerated: {
    name: "Legacy Modernization - Accelerated", targetCustomers: ["enterprises", "organizations_with_legacy_systems"],
    priceRangeCents: [30_000_000, 75_000_000], timelineWeeks: [8, 16],
    teamComposition: { aiAgents: 6, humanOversight: "full_time", legacySpecialist: true, securityExpert: true },
    guarantees: { deliveryGuarantee: true, performanceImprovement: "50%", securityEnhancement: "90%_vulnerability_reduction", refundAmountCents: 75_000_000 },
  },
};
/** seed §2.1: a tier is recommended at compatibility >= 0.6. */
export const TIER_COMPATIBILITY_THRESHOLD = 0.6;

export type CriterionTemplate = { name: string; weight: number; validationMethod: string; deliverable: string };
export type MilestoneTemplate = {
  week: number; title: string; minimumSuccessThreshold: number; escalationThreshold: number; criteria: CriterionTemplate[];
};

/** seed §3.1 MILESTONE_TEMPLATES.mvp_development (reused for every service type for now). */
export const MVP_MILESTONES: MilestoneTemplate[] = [
  { week: 1, title: "Foundation & Architecture", minimumSuccessThreshold: 85, escalationThreshold: 70, criteria: [
    { name: "Requirements Analysis Complete", weight: 0.3, validationMethod: "stakeholder_sign_off", deliverable: "Requirements specification document" },
    { name: "System Architecture Designed", weight: 0.4, validationMethod: "technical_review", deliverable: "Architecture diagrams and technical specification" },
    { name: "Development Environment Setup", weight: 0.2, validationMethod: "automated_verification", deliverable: "Working development environment with CI/CD" },
    { name: "Team Communication Established", weight: 0.1, validationMethod: "stakeholder_feedback", deliverable: "Communication channels and daily standup process" },
  ] },
  { week: 2, title: "Core Development Sprint", minimumSuccessThreshold: 80, escalationThreshold: 65, criteria: [
    { name: "Core Features Implementation", weight: 0.5, validationMethod: "automated_testing", deliverable: "Working core features with 90%+ test coverage" },
    { name: "API Development & Integration", weight: 0.3, validationMethod: "integration_testing", deliverable: "RESTful APIs with comprehensive documentation" },
    { name: "Security Implementation", weight: 0.2, validationMethod: "security_audit", deliverable: "Security measures with vulnerability scan results" },
  ] },
  { week: 3, title: "Feature Completion & Quality Assurance", minimumSuccessThreshold: 85, escalationThreshold: 70, criteria: [
    { name: "All Features Implemented", weight: 0.4, validationMethod: "stakeholder_demo", deliverable: "Complete feature set matching requirements" },
    { name: "Quality Gates Passed", weight: 0.3, validationMethod: "automated_quality_checks", deliverable: "95%+ test coverage, code quality score >8.5" },
    { name: "Performance Benchmarks Met", weight: 0.2, validationMethod: "performance_testing", deliverable: "Performance test results meeting SLA requirements" },
    { name: "User Acceptance Testing", weight: 0.1, validationMethod: "user_testing", deliverable: "UAT results with stakeholder approval" },
  ] },
  { week: 4, title: "Delivery & Knowledge Transfer", minimumSuccessThreshold: 90, escalationThreshold: 75, criteria: [
    { name: "Production Deployment", weight: 0.3, validationMethod: "deployment_verification", deliverable: "Live production system with monitoring" },
    { name: "Documentation Complete", weight: 0.2, validationMethod: "documentation_review", deliverable: "Complete technical and user documentation" },
    { name: "Knowledge Transfer Sessions", weight: 0.2, validationMethod: "training_completion", deliverable: "Team training sessions and recorded materials" },
    { name: "Customer Satisfaction Survey", weight: 0.3, validationMethod: "satisfaction_survey", deliverable: "Customer satisfaction score ≥ 8.5/10" },
  ] },
];

/** DESIGN "milestones": criteria validated by these methods need a customer sign-off. */
export const SIGN_OFF_METHODS = ["stakeholder_sign_off", "stakeholder_demo", "user_testing"];

/** seed §4.2 QUALITY_GATES, by family; comprehensive score = code 0.4 + delivery 0.3 + process 0.3. */
export const QUALITY_GATES: Record<"code" | "delivery" | "process", Record<string, number>> = {
  code: { minimum_coverage: 95, maximum_complexity: 10, minimum_maintainability: 8.5, security_vulnerability_threshold: 0, performance_benchmark_threshold: 95 },
  delivery: { requirements_traceability: 100, acceptance_criteria_coverage: 100, stakeholder_approval_threshold: 85, documentation_completeness: 90 },
  process: { milestone_adherence: 90, communication_responsiveness: 95, escalation_resolution_time: 24, customer_satisfaction_minimum: 8 },
};
export const QUALITY_WEIGHTS = { code: 0.4, delivery: 0.3, process: 0.3 };

/** seed §5.1 / §1.3: the guarantee's final success criteria. */
export const GUARANTEE_SUCCESS_THRESHOLD = 85;
export const GUARANTEE_DAYS = 30;
