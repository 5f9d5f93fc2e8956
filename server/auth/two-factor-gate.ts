import "server-only";
import type { Permission } from "@/domain/access/permissions";

/**
 * A workspace that requires two-factor sign-in (docs/security.md#two-factor-sign-in) lets its staff without
 * it do one thing: set it up. Pages send them to the set-up page; procedures and routes refuse.
 */
export const TWO_FACTOR_SETUP_PATH = "/settings/two-factor";

export const TWO_FACTOR_SETUP_MESSAGE =
  "Your workspace requires two-factor sign-in. Set it up first under Settings → Two-factor sign-in.";

const ALLOWED_BEFORE_SETUP: ReadonlySet<Permission> = new Set<Permission>(["twofactor:manage", "session:read"]);

export function blockedUntilTwoFactor(user: { mustEnrolTwoFactor?: boolean }, permission: Permission): boolean {
  return user.mustEnrolTwoFactor === true && !ALLOWED_BEFORE_SETUP.has(permission);
}
