import type { Role } from "@/generated/prisma/enums";

/**
 * Role → permission map: procedures and pages ask for a permission, never for a role list, so
 * who-may-do-what lives here and nowhere else (cal.com / dub style).
 */
export const PERMISSIONS = {
  "session:read": ["ADMIN", "EXECUTIVE", "CSM", "TECH_LEAD", "CUSTOMER"],
  "users:read": ["ADMIN"],
  "users:manage": ["ADMIN"],
  "dashboard:read": ["ADMIN", "EXECUTIVE"],
  "pipeline:read": ["ADMIN", "EXECUTIVE", "CSM"],
  "leads:write": ["ADMIN", "CSM"],
  "config:read": ["ADMIN", "EXECUTIVE", "CSM"],
  "config:write": ["ADMIN"],
  "delivery:read": ["ADMIN", "EXECUTIVE", "CSM", "TECH_LEAD"],
  /** the tenant's alerts, open and resolved; resolving one (with a note, audited) once it is dealt with */
  "alerts:read": ["ADMIN", "EXECUTIVE", "CSM", "TECH_LEAD"],
  "alerts:resolve": ["ADMIN", "EXECUTIVE", "CSM", "TECH_LEAD"],
  /** validate milestones, run quality validations, manage CI tokens, update action items */
  "delivery:write": ["ADMIN", "TECH_LEAD"],
  /** close, snooze or reopen a project's action items (recovery, escalation, follow-up) */
  "actions:write": ["ADMIN", "CSM", "TECH_LEAD"],
  /** turn a lead with a chosen tier into a customer account and a project */
  "kickoff:write": ["ADMIN", "CSM"],
  /** a project's meetings (kickoff meeting, weekly review, standup, video link), sent as calendar invites */
  "meetings:write": ["ADMIN", "CSM", "TECH_LEAD"],
  "portal:read": ["CUSTOMER"],
  "notifications:read": ["ADMIN", "EXECUTIVE", "CSM", "TECH_LEAD", "CUSTOMER"],
  "devmail:read": ["ADMIN", "EXECUTIVE", "CSM", "TECH_LEAD"],
  /** one's own channels and digest frequency (every signed-in person) */
  "preferences:write": ["ADMIN", "EXECUTIVE", "CSM", "TECH_LEAD", "CUSTOMER"],
  /** one's own two-factor sign-in (docs/security.md#two-factor-sign-in): staff only, customers sign in by email link */
  "twofactor:manage": ["ADMIN", "EXECUTIVE", "CSM", "TECH_LEAD"],
  /** scheduled jobs: run history (own tenant's counts) and "run now" for the own tenant */
  "jobs:manage": ["ADMIN"],
  /** the tenant's signed webhook endpoints, their delivery log, test events and redelivery */
  "webhooks:manage": ["ADMIN"],
  /** the customer portal's look and the email sender: display name, logo, accent colour, From and reply-to */
  "branding:write": ["ADMIN"],
  /** the workspace's single sign-on: identity provider, email domains, provisioning (docs/security.md#single-sign-on) */
  "sso:manage": ["ADMIN"],
  /** verify the tenant's audit hash chain (docs/security.md#audit-chain) */
  "audit:verify": ["ADMIN"],
  /** the workspace's setup checklist on the admin's home: read it, hide it, bring it back */
  "onboarding:manage": ["ADMIN"],
  // docs/domain.md#retention: the guarantee, refunds and retention
  /** record a customer-caused delay on a guarantee's clock */
  "guarantee:write": ["ADMIN", "TECH_LEAD"],
  /** end a running guarantee early and record its final validation now (with a reason) */
  "guarantee:finalize": ["ADMIN", "EXECUTIVE"],
  /** the refund queue */
  "refunds:read": ["ADMIN", "EXECUTIVE"],
  /** start the review of a claim, record the payment of an approved refund */
  "refunds:process": ["ADMIN", "EXECUTIVE"],
  /** approve or reject a refund: executives only */
  "refunds:approve": ["EXECUTIVE"],
  /** account health, expansion potential, retention plans */
  "retention:read": ["ADMIN", "EXECUTIVE", "CSM"],
  /** recompute an account, start a new plan, complete / snooze / reassign retention tasks */
  "retention:write": ["ADMIN", "CSM"],
  /** create and update customer accounts from a CSV file (docs/import.md) */
  "accounts:write": ["ADMIN", "CSM"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const STAFF_ROLES = ["ADMIN", "EXECUTIVE", "CSM", "TECH_LEAD"] as const satisfies readonly Role[];

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  ADMIN: "/settings",
  EXECUTIVE: "/dashboard",
  CSM: "/leads",
  TECH_LEAD: "/projects",
  CUSTOMER: "/portal",
};
