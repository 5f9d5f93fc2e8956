/**
 * Project kickoff configuration (docs/domain.md#kickoff AutonomousProjectKickoff), stored per tenant with the seed's
 * values as defaults. Pure data + validation: no I/O.
 *
 * Seed: the six phases in order; the mvp_development team (requirements analyst 1, solution architect 1
 * on the project's tech stack or "full_stack", full-stack developers 3, QA 1, DevOps 1; UI/UX 0.5 when the
 * project has UI requirements, security 0.5 with compliance requirements); team capacity = Σ capacity;
 * first milestone at +7 days. docs/domain.md#tiers team_composition: enterprise_mvp adds an enterprise architect,
 * legacy_modernization_accelerated a legacy specialist and a security expert. docs/domain.md#guarantee, docs/domain.md#success-validation: a 30-day
 * guarantee with an 85 success threshold.
 * Ours: the legacy_modernization and team_augmentation teams (the seed has only mvp), the tier roles'
 * capacities, the environment list, and velocity = FTE of the roles that build features × 8 points per
 * FTE-week (the seed leaves _calculate_team_velocity undefined; a point ≈ half an ideal day, four focused
 * days a week).
 */
import { z } from "zod";
import type { EnvironmentKind, ServiceType } from "@/generated/prisma/enums";
import { SERVICE_TYPES } from "@/domain/qualification/config";

export const KICKOFF_PHASES = [
  "setup",
  "delivery_team",
  "environments",
  "stakeholder_onboarding",
  "guarantee_activation",
  "launch",
] as const;
export type KickoffPhase = (typeof KICKOFF_PHASES)[number];
export const TEAM_CONDITIONS = ["has_ui_requirements", "has_compliance_requirements"] as const;
export type TeamCondition = (typeof TEAM_CONDITIONS)[number];
export const ENVIRONMENT_KINDS = ["DEVELOPMENT", "STAGING", "PRODUCTION"] as const satisfies readonly EnvironmentKind[];

export type RoleSpec = {
  role: string;
  specialization: string;
  /** FTE; the seed's "pool of 3 agents" is capacity 3 */
  capacity: number;
  /** counts toward the estimated velocity */
  buildsFeatures: boolean;
  /** docs/domain.md#kickoff solution_architect: the specialization is the project's tech stack when one is given */
  useTechStack?: boolean;
};
export type ConditionalRoleSpec = RoleSpec & { condition: TeamCondition };
export type TeamConfiguration = { required: RoleSpec[]; optional: ConditionalRoleSpec[] };

export type KickoffConfig = {
  teams: Record<ServiceType, TeamConfiguration>;
  /** extra roles a tier's team_composition promises (docs/domain.md#tiers), by tier key */
  tierRoles: Record<string, RoleSpec[]>;
  velocity: { pointsPerFteWeek: number };
  guarantee: { successThreshold: number; days: number };
  environments: EnvironmentKind[];
  firstMilestoneDays: number;
};

const role = (
  r: string,
  specialization: string,
  capacity: number,
  buildsFeatures: boolean,
  extra: Partial<RoleSpec> = {},
): RoleSpec => ({ role: r, specialization, capacity, buildsFeatures, ...extra });
const UI_AND_SECURITY: ConditionalRoleSpec[] = [
  { ...role("ui_ux_specialist", "user_experience", 0.5, true), condition: "has_ui_requirements" },
  { ...role("security_specialist", "compliance_security", 0.5, false), condition: "has_compliance_requirements" },
];

export const DEFAULT_KICKOFF_CONFIG: KickoffConfig = {
  teams: {
    MVP_DEVELOPMENT: {
      required: [
        role("requirements_analyst", "business_requirements", 1, false),
        role("solution_architect", "full_stack", 1, false, { useTechStack: true }),
        role("full_stack_developer", "frontend_backend", 3, true),
        role("qa_engineer", "automated_testing", 1, true),
        role("devops_engineer", "ci_cd_deployment", 1, false),
      ],
      optional: UI_AND_SECURITY,
    },
    LEGACY_MODERNIZATION: {
      required: [
        role("legacy_systems_analyst", "legacy_assessment", 1, false),
        role("solution_architect", "target_architecture", 1, false, { useTechStack: true }),
        role("full_stack_developer", "incremental_migration", 2, true),
        role("data_migration_engineer", "data_migration_validation", 1, true),
        role("qa_engineer", "regression_testing", 1, true),
        role("devops_engineer", "ci_cd_deployment", 1, false),
      ],
      optional: UI_AND_SECURITY,
    },
    TEAM_AUGMENTATION: {
      required: [
        role("engagement_lead", "onboarding_coordination", 0.5, false),
        role("senior_developer", "full_stack", 2, true, { useTechStack: true }),
        role("qa_engineer", "automated_testing", 0.5, true),
      ],
      optional: UI_AND_SECURITY,
    },
  },
  tierRoles: {
    startup_mvp: [],
    enterprise_mvp: [role("enterprise_architect", "enterprise_integration_compliance", 0.5, false)],
    legacy_modernization_accelerated: [
      role("legacy_specialist", "legacy_migration", 1, true),
      role("security_expert", "vulnerability_reduction", 0.5, false),
    ],
  },
  velocity: { pointsPerFteWeek: 8 },
  guarantee: { successThreshold: 85, days: 30 },
  environments: [...ENVIRONMENT_KINDS],
  firstMilestoneDays: 7,
};

// ---------------------------------------------------------------- validation (tenant edits)

const KEY = /^[a-z][a-z0-9_]{0,63}$/;
const keySchema = (what: string) =>
  z
    .string({ message: `The ${what} must be text` })
    .regex(KEY, `The ${what} is 1–64 lower-case letters, digits or underscores, starting with a letter`);
const num = (what: string, min: number, max: number, unit = "") =>
  z
    .number({ message: `The ${what} must be a number` })
    .min(min, `The ${what} is at least ${min}${unit}`)
    .max(max, `The ${what} is at most ${max}${unit}`);

const roleFields = {
  role: keySchema("role"),
  specialization: z
    .string()
    .trim()
    .min(1, "Give the role a specialization")
    .max(80, "A specialization is at most 80 characters"),
  capacity: num("capacity", 0, 20, " FTE").positive("A role's capacity is above 0 FTE (remove the role instead)"),
  buildsFeatures: z.boolean({ message: "Say whether the role counts toward velocity (true or false)" }),
  useTechStack: z.boolean().optional(),
};
const ZRoleSchema = z.object(roleFields);
const ZTeamSchema = z.object({
  required: z.array(ZRoleSchema).min(1, "A team needs at least one required role").max(30, "At most 30 required roles"),
  optional: z
    .array(
      z.object({
        ...roleFields,
        condition: z.enum(TEAM_CONDITIONS, { message: `The condition is one of: ${TEAM_CONDITIONS.join(", ")}` }),
      }),
    )
    .max(30),
});

export const ZKickoffConfigSchema = z
  .object({
    teams: z.object(
      Object.fromEntries(SERVICE_TYPES.map((t) => [t, ZTeamSchema])) as Record<ServiceType, typeof ZTeamSchema>,
      { message: "Teams are given per service type" },
    ),
    tierRoles: z.record(keySchema("tier key"), z.array(ZRoleSchema).max(10, "At most 10 extra roles per tier")),
    velocity: z.object({
      pointsPerFteWeek: num("points per FTE-week", 0, 100).positive("Points per FTE-week must be above 0"),
    }),
    guarantee: z.object({
      successThreshold: num("guarantee success threshold", 0, 100),
      days: num("guarantee period", 1, 365, " days").int("The guarantee period is in whole days"),
    }),
    environments: z
      .array(z.enum(ENVIRONMENT_KINDS, { message: `Environments are ${ENVIRONMENT_KINDS.join(", ")}` }))
      .min(1, "Provision at least one environment")
      .refine((e) => new Set(e).size === e.length, "Each environment is listed once"),
    firstMilestoneDays: num("first milestone offset", 1, 60, " days").int(
      "The first milestone offset is in whole days",
    ),
  })
  .superRefine((c, ctx) => {
    for (const t of SERVICE_TYPES) {
      const team = c.teams[t];
      const seen = new Set<string>();
      for (const r of [...team.required, ...team.optional]) {
        if (seen.has(r.role))
          ctx.addIssue({
            code: "custom",
            path: ["teams", t],
            message: `The ${t.toLowerCase()} team lists the role "${r.role}" twice; merge them into one with the total capacity`,
          });
        seen.add(r.role);
      }
    }
  }) satisfies z.ZodType<KickoffConfig>;
