/**
 * Project kickoff plan (docs/domain.md#kickoff initiate_project / _assemble_agent_team). Pure and deterministic: the
 * service type, tier, contract value, requirements and start date in; the delivery team (each role with
 * the reason it is there), capacity, estimated velocity, environments to provision, the guarantee and
 * the six phases out. The service persists it and runs the phases.
 *
 * Team: the service type's required roles; each optional role whose condition holds; the tier's extra
 * roles (docs/domain.md#tiers) unless the team already has that role. Capacity = Σ capacity (docs/domain.md#kickoff).
 * Velocity = Σ capacity of roles that build features × points per FTE-week (config.ts).
 * Guarantee: the amount of docs/tiers-and-guarantees.md#guarantee-amount (the tier's refund cap, never more
 * than the contract value), the tier's threshold when given else the default (85), from the start date for
 * 30 days.
 */
import type { ServiceType } from "@/generated/prisma/enums";
import type { TierGuarantees } from "@/domain/tiers/config";
import { guaranteeAmount } from "@/domain/tiers/guarantee";
import {
  DEFAULT_KICKOFF_CONFIG,
  KICKOFF_PHASES,
  type KickoffConfig,
  type KickoffPhase,
  type RoleSpec,
  type TeamCondition,
} from "./config";
import { SERVICE_TYPE_LABELS } from "@/domain/qualification/labels";

const DAY_MS = 86_400_000;

export type KickoffInput = {
  serviceType: ServiceType;
  tierKey: string;
  contractValueCents: number;
  requirements: { hasUiRequirements: boolean; hasComplianceRequirements: boolean };
  startDate: Date;
  /** docs/domain.md#kickoff service_config.tech_stack: the architect's specialization */
  techStack?: string[];
  /** the chosen tier's guarantee threshold (docs/domain.md#tiers), when the caller has it */
  successThreshold?: number;
  /** the chosen tier's refund guarantee; without it (a tier no longer in the catalogue) the contract value is guaranteed */
  tierGuarantee?: Pick<TierGuarantees, "deliveryGuarantee" | "refundAmountCents">;
};

export type TeamMember = {
  role: string;
  specialization: string;
  capacity: number;
  required: boolean;
  buildsFeatures: boolean;
  reason: string;
};
export type KickoffPlan = {
  team: TeamMember[];
  teamCapacity: number;
  teamCapacityReason: string;
  estimatedVelocity: { pointsPerWeek: number; reason: string };
  environments: { kind: KickoffConfig["environments"][number]; status: "PENDING" }[];
  guarantee: { amountCents: number; successThreshold: number; startsAt: Date; endsAt: Date; reasons: string[] };
  firstMilestoneDate: Date;
  phases: KickoffPhase[];
  /** roles left out and why */
  notes: string[];
};

const CONDITION_TEXT: Record<TeamCondition, { holds: string; fails: string }> = {
  has_ui_requirements: { holds: "the project has UI requirements", fails: "no UI requirements" },
  has_compliance_requirements: {
    holds: "the project has compliance requirements",
    fails: "no compliance requirements",
  },
};
const r2 = (x: number) => Math.round(x * 100 + 1e-9) / 100;
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);

const ACRONYMS: [RegExp, string][] = [
  [/\bui ux\b/g, "UI/UX"],
  [/\bqa\b/g, "QA"],
  [/\bdevops\b/g, "DevOps"],
];
/** "ui_ux_specialist" → "UI/UX specialist". */
export const roleLabel = (role: string): string => {
  const words = ACRONYMS.reduce((w, [pattern, text]) => w.replace(pattern, text), role.replaceAll("_", " "));
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function member(spec: RoleSpec, required: boolean, reason: string, techStack: string[] | undefined): TeamMember {
  const stack = techStack?.map((s) => s.trim()).filter(Boolean) ?? [];
  const specialization = spec.useTechStack && stack.length > 0 ? stack.join(", ") : spec.specialization;
  return {
    role: spec.role,
    specialization,
    capacity: spec.capacity,
    required,
    buildsFeatures: spec.buildsFeatures,
    reason,
  };
}

export function planKickoff(input: KickoffInput, config: KickoffConfig = DEFAULT_KICKOFF_CONFIG): KickoffPlan {
  const { serviceType, tierKey, contractValueCents, requirements, startDate, techStack } = input;
  if (!Number.isSafeInteger(contractValueCents) || contractValueCents < 0)
    throw new RangeError("planKickoff: the contract value must be a whole, non-negative number of cents");
  if (Number.isNaN(startDate.getTime())) throw new RangeError("planKickoff: the start date is not a valid date");
  if (input.successThreshold !== undefined && !(input.successThreshold >= 0 && input.successThreshold <= 100)) {
    throw new RangeError("planKickoff: the success threshold is a score from 0 to 100");
  }
  const teamConfig = config.teams[serviceType];
  const service = SERVICE_TYPE_LABELS[serviceType].toLowerCase();
  const notes: string[] = [];

  const team: TeamMember[] = teamConfig.required.map((r) => member(r, true, `required for ${service}`, techStack));
  const holds: Record<TeamCondition, boolean> = {
    has_ui_requirements: requirements.hasUiRequirements,
    has_compliance_requirements: requirements.hasComplianceRequirements,
  };
  for (const r of teamConfig.optional) {
    if (holds[r.condition])
      team.push(member(r, false, `added because ${CONDITION_TEXT[r.condition].holds}`, techStack));
    else notes.push(`${roleLabel(r.role)} not added: ${CONDITION_TEXT[r.condition].fails}`);
  }
  for (const r of config.tierRoles[tierKey] ?? []) {
    if (team.some((m) => m.role === r.role))
      notes.push(`${roleLabel(r.role)} from the chosen tier is already on the team`);
    else team.push(member(r, true, `promised by the tier's team composition`, techStack));
  }

  const teamCapacity = r2(team.reduce((s, m) => s + m.capacity, 0));
  const builders = team.filter((m) => m.buildsFeatures);
  const buildFte = r2(builders.reduce((s, m) => s + m.capacity, 0));
  const { pointsPerFteWeek } = config.velocity;
  const pointsPerWeek = r2(buildFte * pointsPerFteWeek);

  const successThreshold = input.successThreshold ?? config.guarantee.successThreshold;
  const endsAt = addDays(startDate, config.guarantee.days);
  const amount = guaranteeAmount(input.tierGuarantee, contractValueCents);
  return {
    team,
    teamCapacity,
    teamCapacityReason: `${teamCapacity} FTE = ${team.map((m) => `${roleLabel(m.role)} ${m.capacity}`).join(" + ")}`,
    estimatedVelocity: {
      pointsPerWeek,
      reason:
        builders.length > 0
          ? `${buildFte} FTE building features (${builders.map((m) => `${roleLabel(m.role)} ${m.capacity}`).join(", ")}) × ${pointsPerFteWeek} points per FTE-week = ${pointsPerWeek} points a week`
          : "No role on the team builds features: no velocity estimate (0)",
    },
    environments: config.environments.map((kind) => ({ kind, status: "PENDING" as const })),
    guarantee: {
      amountCents: amount.amountCents,
      successThreshold,
      startsAt: startDate,
      endsAt,
      reasons: [
        amount.reason,
        input.successThreshold === undefined
          ? `Success threshold ${successThreshold} (the default)`
          : `Success threshold ${successThreshold} from the chosen tier`,
        `Runs ${config.guarantee.days} days from the project start`,
      ],
    },
    firstMilestoneDate: addDays(startDate, config.firstMilestoneDays),
    phases: [...KICKOFF_PHASES],
    notes,
  };
}
