import type { BadgeProps } from "@/components/ui/badge";

type Tone = NonNullable<BadgeProps["variant"]>;

/** Words and badge tones for the guarantee's stored states (docs/domain.md#guarantee). */
export const GUARANTEE_STATUS: Record<string, { label: string; tone: Tone }> = {
  ACTIVE: { label: "Running", tone: "secondary" },
  PAUSED: { label: "Paused", tone: "warning" },
  SUCCEEDED: { label: "Met", tone: "success" },
  FAILED: { label: "Not met", tone: "destructive" },
  REMEDIED: { label: "Remedied", tone: "outline" },
};

export const CLOCK_STATE: Record<string, { label: string; tone: Tone }> = {
  not_started: { label: "Clock not started", tone: "outline" },
  running: { label: "Clock running", tone: "secondary" },
  paused: { label: "Clock paused", tone: "warning" },
  ended: { label: "Clock ended", tone: "outline" },
};

export const DELAY_STATUS: Record<string, { label: string; tone: Tone }> = {
  PROPOSED: { label: "Awaiting the customer", tone: "warning" },
  ACKNOWLEDGED: { label: "Acknowledged", tone: "success" },
  DISPUTED: { label: "Disputed", tone: "destructive" },
};

export const REFUND_STATUS: Record<string, { label: string; tone: Tone }> = {
  CLAIMED: { label: "Claimed", tone: "warning" },
  UNDER_REVIEW: { label: "Under review", tone: "secondary" },
  APPROVED: { label: "Approved", tone: "success" },
  PAID: { label: "Paid", tone: "outline" },
  REJECTED: { label: "Rejected", tone: "destructive" },
};

export const REMEDY: Record<string, { label: string; description: string }> = {
  REFUND: {
    label: "Refund of the guarantee amount",
    description: "We refund the guarantee amount after an executive's approval.",
  },
  CONTINUED_DEVELOPMENT: {
    label: "Continued development at no cost",
    description: "The team keeps working, at no cost, until the success criteria are met.",
  },
  MIGRATION_ASSISTANCE: { label: "Migration assistance", description: "We help you move to an alternative solution." },
};
