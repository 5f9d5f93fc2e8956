import type { PhaseStatus } from "@/domain/journey/phases";

/** The state of a journey phase or kickoff step, in words. */
export const STEP_STATUS_LABEL: Record<PhaseStatus, string> = {
  pending: "Pending",
  in_progress: "In progress",
  completed: "Completed",
  stopped: "Stopped",
  failed: "Failed",
};

export function stepStatusLabel(status: string): string {
  return status in STEP_STATUS_LABEL ? STEP_STATUS_LABEL[status as PhaseStatus] : "Pending";
}
