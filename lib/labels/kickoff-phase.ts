import type { KickoffPhase } from "@/domain/kickoff/config";

/** The six kickoff steps as people name them (docs: the kickoff runs them in this order). */
export const KICKOFF_PHASE_LABEL: Record<KickoffPhase, string> = {
  setup: "Setup",
  delivery_team: "Delivery team",
  environments: "Environments",
  stakeholder_onboarding: "Stakeholder onboarding",
  guarantee_activation: "Guarantee activation",
  launch: "Launch",
};

/** The label for a stored step name; an unknown one reads as "Kickoff step". */
export function kickoffPhaseLabel(phase: string): string {
  return phase in KICKOFF_PHASE_LABEL ? KICKOFF_PHASE_LABEL[phase as KickoffPhase] : "Kickoff step";
}
