import type { DbOrTx, Prisma } from "./client";

/** A person's channel preferences (User.channelPrefs) and contact, scoped by tenant. */
export function findPrefsOwner(prisma: DbOrTx, tenantId: string, userId: string) {
  return prisma.user.findFirst({
    where: { tenantId, id: userId },
    select: { id: true, email: true, name: true, disabledAt: true, channelPrefs: true },
  });
}

export async function writeChannelPrefs(
  prisma: DbOrTx,
  tenantId: string,
  userId: string,
  prefs: Prisma.InputJsonValue,
) {
  const res = await prisma.user.updateMany({ where: { tenantId, id: userId }, data: { channelPrefs: prefs } });
  return res.count === 1;
}

/** The channel preferences of several people of one tenant (the worker's check before it sends). */
export function findPrefsOfPeople(prisma: DbOrTx, tenantId: string, userIds: string[]) {
  return prisma.user.findMany({
    where: { tenantId, id: { in: userIds } },
    select: { id: true, channelPrefs: true },
  });
}
