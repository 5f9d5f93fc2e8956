import type { Prisma } from "../../generated/prisma/client";
import { TENANT_CONFIG_DEFAULTS } from "../../domain/tenant-defaults";
import { addHours, type SeedContext } from "./context";
import { HEALTH_DAYS } from "./health";

/** Tenant creation day: everything else in the story happens after it. */
export const TENANT_AGE_DAYS = 150;

const CHANNEL_PREFS = { email: true, inApp: true, digest: "daily" };

/** Staff, customer accounts with their stakeholders, and TenantConfig version 1 (the defaults). */
export function buildOrg(ctx: SeedContext, passwordHash: string): void {
  const { spec, rows, tenantId } = ctx;
  const createdAt = ctx.daysAgo(TENANT_AGE_DAYS);
  for (const u of spec.users.filter((x) => x.role !== "CUSTOMER")) {
    const id = ctx.id();
    ctx.users.set(u.email, id);
    rows.staff.push({
      id,
      tenantId,
      email: u.email,
      name: u.name,
      role: u.role,
      passwordHash,
      channelPrefs: CHANNEL_PREFS,
      emailVerified: createdAt,
      createdAt,
      lastLoginAt: addHours(ctx.now, -ctx.rng.int(2, 72)),
    });
  }
  for (const a of spec.accounts) {
    const firstProject = Math.max(0, ...spec.projects.filter((p) => p.account === a.key).map((p) => p.startDaysAgo));
    const firstLead = Math.max(0, ...spec.leads.filter((l) => l.account === a.key).map((l) => l.daysAgo));
    // accounts predate the 95 days of health history (and their first lead or project)
    const accountCreated = ctx.daysAgo(Math.max(firstProject + 7, firstLead, HEALTH_DAYS + 1));
    const ref = {
      id: ctx.id(),
      spec: a,
      csmId: ctx.user(a.csm),
      stakeholders: [] as string[],
      approvers: [] as string[],
    };
    ctx.accounts.set(a.key, ref);
    rows.account.push({
      id: ref.id,
      tenantId,
      name: a.name,
      industry: a.industry,
      website: a.website,
      csmId: ref.csmId,
      createdAt: accountCreated,
    });
    for (const u of spec.users.filter((x) => x.account === a.key)) {
      const id = ctx.id();
      ctx.users.set(u.email, id);
      ref.stakeholders.push(id);
      if (u.isApprover) ref.approvers.push(id);
      rows.customer.push({
        id,
        tenantId,
        email: u.email,
        name: u.name,
        role: "CUSTOMER",
        passwordHash: null,
        customerAccountId: ref.id,
        stakeholderRole: u.stakeholderRole ?? "MEMBER",
        isApprover: u.isApprover ?? false,
        channelPrefs: CHANNEL_PREFS,
        invitedById: ref.csmId,
        createdAt: accountCreated,
      });
    }
  }
  const adminId = ctx.userByRole("ADMIN");
  for (const [kind, data] of Object.entries(configData())) {
    rows.config.push({ id: ctx.id(), tenantId, kind, version: 1, data, createdById: adminId, createdAt });
  }
}

/** TenantConfig v1 per kind: the engines' own defaults (the seed's numbers), so stored config always parses. */
function configData(): Record<string, Prisma.InputJsonObject> {
  return TENANT_CONFIG_DEFAULTS;
}
