/**
 * The seed's numbers the engines do not own yet (milestone templates, quality gates, guarantee);
 * qualification, feasibility and tier defaults come from server/engines/*.
 */

export type TierKey = "startup_mvp" | "enterprise_mvp" | "legacy_modernization_accelerated";

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
