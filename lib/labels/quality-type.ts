import type { QualityValidationType } from "@/generated/prisma/enums";

/** What each kind of quality validation is called on screens and in messages. */
export const QUALITY_TYPE_LABEL: Record<QualityValidationType, string> = {
  CODE: "Code",
  DELIVERY: "Delivery",
  PROCESS: "Process",
  COMPREHENSIVE: "Comprehensive",
};
