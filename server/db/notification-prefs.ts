import "server-only";
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

/**
 * Marks a person's Slack or Teams URL broken, atomically and only if it is not already marked and is
 * still the URL that failed (a URL saved meanwhile is not blamed). True when this call marked it.
 */
export async function markChatBrokenIf(
  prisma: DbOrTx,
  tenantId: string,
  userId: string,
  channel: "slack" | "teams",
  url: string,
  broken: { at: string; error: string },
) {
  const key = channel === "slack" ? "slackBroken" : "teamsBroken";
  const urlKey = channel === "slack" ? "slackWebhookUrl" : "teamsWebhookUrl";
  const count = await prisma.$executeRaw`
    UPDATE "User" SET "channelPrefs" = jsonb_set("channelPrefs", ARRAY[${key}]::text[], ${JSON.stringify(broken)}::jsonb)
    WHERE "tenantId" = ${tenantId} AND id = ${userId}
      AND jsonb_typeof("channelPrefs") = 'object'
      AND ("channelPrefs" -> ${key} IS NULL OR "channelPrefs" -> ${key} = 'null'::jsonb)
      AND "channelPrefs" ->> ${urlKey} = ${url}`;
  return count === 1;
}

/** Clears the broken mark of a person's Slack or Teams channel (a message got through). */
export async function clearChatBroken(prisma: DbOrTx, tenantId: string, userId: string, channel: "slack" | "teams") {
  const key = channel === "slack" ? "slackBroken" : "teamsBroken";
  await prisma.$executeRaw`
    UPDATE "User" SET "channelPrefs" = "channelPrefs" - ${key}
    WHERE "tenantId" = ${tenantId} AND id = ${userId} AND jsonb_typeof("channelPrefs") = 'object'
      AND "channelPrefs" ? ${key}`;
}

/** The channel preferences of several people of one tenant (the worker's check before it sends). */
export function findPrefsOfPeople(prisma: DbOrTx, tenantId: string, userIds: string[]) {
  return prisma.user.findMany({
    where: { tenantId, id: { in: userIds } },
    select: { id: true, channelPrefs: true },
  });
}
