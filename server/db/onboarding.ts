import type { DbOrTx } from "./client";

/** What the setup checklist reads (docs/onboarding.md), besides branding: one round of counts, each capped at 1 row. */
export async function onboardingFacts(prisma: DbOrTx, tenantId: string) {
  const exists = (n: number) => n > 0;
  const [team, chat, leads, ciTokens, qualifications, projects, tenant] = await Promise.all([
    prisma.user.count({ where: { tenantId, role: { in: ["CSM", "TECH_LEAD"] } }, take: 1 }),
    prisma.user.count({
      where: { tenantId, disabledAt: null, OR: [{ channelPrefs: { path: ["slack"], equals: true } }, { channelPrefs: { path: ["teams"], equals: true } }] },
      take: 1,
    }),
    prisma.lead.count({ where: { tenantId }, take: 1 }),
    // project CI tokens; tenant API keys have no project
    prisma.apiToken.count({ where: { tenantId, projectId: { not: null } }, take: 1 }),
    prisma.qualificationAssessment.count({ where: { tenantId }, take: 1 }),
    prisma.project.count({ where: { tenantId }, take: 1 }),
    prisma.tenant.findUnique({ where: { id: tenantId }, select: { onboardingDismissedAt: true } }),
  ]);
  return {
    teamInvited: exists(team),
    chatConnected: exists(chat),
    hasLeads: exists(leads),
    ciTokenCreated: exists(ciTokens),
    qualificationRun: exists(qualifications),
    kickoffStarted: exists(projects),
    dismissedAt: tenant?.onboardingDismissedAt ?? null,
  };
}

export function setOnboardingDismissedAt(prisma: DbOrTx, tenantId: string, at: Date | null) {
  return prisma.tenant.update({ where: { id: tenantId }, data: { onboardingDismissedAt: at }, select: { onboardingDismissedAt: true } });
}
