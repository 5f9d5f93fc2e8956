import { serverEnv } from "@/lib/env";
import { parseVerifiedDomains } from "@/domain/branding/sender";

/**
 * What delivery needs from the environment, read once per call site so tests can pass their own:
 * the Resend key (none → email stays in the outbox, readable at /dev/mail), where the SDK points,
 * the sender (and the domains tenants may send from: docs/branding.md#sender), and whether private network addresses may receive webhooks (tests, development).
 */
export type DeliveryConfig = {
  email: {
    apiKey: string;
    baseUrl: string | null;
    from: string;
    verifiedDomains?: readonly string[];
    /** requests a second to the provider, all instances together (docs/messaging.md#pacing); default 2 */
    ratePerSecond?: number;
  } | null;
  allowPrivateNetworks: boolean;
  appUrl: string;
};

export function deliveryConfig(): DeliveryConfig {
  const env = serverEnv();
  return {
    email: env.RESEND_API_KEY
      ? {
          apiKey: env.RESEND_API_KEY,
          baseUrl: env.RESEND_BASE_URL ?? null,
          from: env.EMAIL_FROM,
          verifiedDomains: parseVerifiedDomains(env.EMAIL_VERIFIED_DOMAINS),
          ratePerSecond: env.EMAIL_RATE_PER_SECOND,
        }
      : null,
    allowPrivateNetworks: env.ALLOW_PRIVATE_WEBHOOKS === "1",
    appUrl: env.APP_URL.replace(/\/$/, ""),
  };
}
