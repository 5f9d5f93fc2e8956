import "server-only";
import { recordAudit } from "@/server/db/audit";
import { onboardingFacts, setOnboardingDismissedAt } from "@/server/db/onboarding";
import { buildChecklist } from "@/domain/onboarding/checklist";
import { brandingStatus } from "./branding";
import type { ServiceContext } from "./context";

/** The admin's setup checklist, read from the workspace's data (docs/onboarding.md). */
export async function onboardingChecklist(ctx: ServiceContext) {
  const facts = await onboardingFacts(ctx.db, ctx.tenantId);
  const branding = await brandingStatus(ctx.db, ctx.tenantId);
  const { dismissedAt, ...rest } = facts;
  return { ...buildChecklist({ ...rest, ...branding }), dismissed: dismissedAt !== null };
}

/** Puts the checklist away or brings it back (from settings); audited like any configuration change. */
export async function setOnboardingDismissed(ctx: ServiceContext, dismissed: boolean) {
  return ctx.db.$transaction(async (tx) => {
    const updated = await setOnboardingDismissedAt(tx, ctx.tenantId, dismissed ? ctx.now : null);
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: dismissed ? "onboarding.dismissed" : "onboarding.reopened",
      entityType: "Tenant",
      entityId: ctx.tenantId,
      after: { dismissed },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return { dismissed: updated.onboardingDismissedAt !== null };
  });
}
