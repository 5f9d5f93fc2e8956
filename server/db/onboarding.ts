import "server-only";
import type { DbOrTx } from "./client";

type FactsRow = {
  team: boolean;
  chat: boolean;
  leads: boolean;
  ci_tokens: boolean;
  qualifications: boolean;
  projects: boolean;
  dismissed_at: Date | null;
};

/** What the setup checklist reads (docs/onboarding.md), besides branding: one statement of EXISTS checks. */
export async function onboardingFacts(prisma: DbOrTx, tenantId: string) {
  const rows = await prisma.$queryRaw<FactsRow[]>`
    SELECT
      EXISTS (SELECT 1 FROM "User" WHERE "tenantId" = t.id AND role IN ('CSM', 'TECH_LEAD')) AS team,
      EXISTS (SELECT 1 FROM "User" WHERE "tenantId" = t.id AND "disabledAt" IS NULL
              AND ("channelPrefs"->>'slack' = 'true' OR "channelPrefs"->>'teams' = 'true')) AS chat,
      EXISTS (SELECT 1 FROM "Lead" WHERE "tenantId" = t.id) AS leads,
      -- project CI tokens; tenant API keys have no project
      EXISTS (SELECT 1 FROM "ApiToken" WHERE "tenantId" = t.id AND "projectId" IS NOT NULL) AS ci_tokens,
      EXISTS (SELECT 1 FROM "QualificationAssessment" WHERE "tenantId" = t.id) AS qualifications,
      EXISTS (SELECT 1 FROM "Project" WHERE "tenantId" = t.id) AS projects,
      t."onboardingDismissedAt" AS dismissed_at
    FROM "Tenant" t WHERE t.id = ${tenantId}`;
  const r = rows[0];
  return {
    teamInvited: r?.team ?? false,
    chatConnected: r?.chat ?? false,
    hasLeads: r?.leads ?? false,
    ciTokenCreated: r?.ci_tokens ?? false,
    qualificationRun: r?.qualifications ?? false,
    kickoffStarted: r?.projects ?? false,
    dismissedAt: r?.dismissed_at ?? null,
  };
}

export function setOnboardingDismissedAt(prisma: DbOrTx, tenantId: string, at: Date | null) {
  return prisma.tenant.update({
    where: { id: tenantId },
    data: { onboardingDismissedAt: at },
    select: { onboardingDismissedAt: true },
  });
}
