import type { EnvironmentKind, EnvironmentStatus } from "@/generated/prisma/enums";

/** A project's environments and their provisioning states, in words. */
export const ENVIRONMENT_KIND_LABEL: Record<EnvironmentKind, string> = {
  DEVELOPMENT: "Development",
  STAGING: "Staging",
  PRODUCTION: "Production",
};

export const ENVIRONMENT_STATUS_LABEL: Record<EnvironmentStatus, string> = {
  PENDING: "Pending",
  PROVISIONING: "Provisioning",
  READY: "Ready",
  FAILED: "Failed",
};
