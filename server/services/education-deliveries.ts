import "server-only";
import {
  DEFAULT_CHANNEL_PREFS,
  chosenChannels,
  readChannelPrefs,
  type ChannelPrefs,
} from "@/lib/schemas/channel-prefs";
import type { Db } from "@/server/db/client";
import { accountPeople } from "@/server/db/users";
import { type JobTenant } from "@/server/db/workspaces";
import { markEducationSent, type dueEducationAfter } from "@/server/db/education-deliveries";
import { insertOutboxMessages } from "@/server/db/outbox";
import { renderEducationBody } from "@/domain/education/library";
import { rowsForPerson } from "@/server/messaging/fan-out";
import { educationDocument } from "@/server/messaging/templates/documents";
import { renderMessage } from "@/server/messaging/templates/render";
import { emailBrand } from "./branding";

/**
 * Sends one due education delivery (docs/domain.md#education): to its stakeholder (or the account's primary contact,
 * or a lead's contact), on their channels, with a link to /portal/learn where it is read and marked
 * done. SCHEDULED → SENT and the outbox rows (key `education/<deliveryId>/<channel>`) commit together,
 * so a delivery is sent once however often the job runs. A delivery nobody can receive is marked sent
 * with a DEAD outbox row saying why, rather than retried forever.
 */
export type DueDelivery = Awaited<ReturnType<typeof dueEducationAfter>>[number];

type Recipient = { id: string; email: string; name: string; prefs: ChannelPrefs; portal: boolean };

async function recipientOf(db: Db, tenantId: string, d: DueDelivery): Promise<Recipient | null> {
  if (d.user)
    return d.user.disabledAt
      ? null
      : {
          id: d.user.id,
          email: d.user.email,
          name: d.user.name,
          prefs: readChannelPrefs(d.user.channelPrefs),
          portal: true,
        };
  if (d.plan.customerAccountId) {
    const [primary] = await accountPeople(db, tenantId, d.plan.customerAccountId);
    if (primary)
      return {
        id: primary.id,
        email: primary.email,
        name: primary.name,
        prefs: readChannelPrefs(primary.channelPrefs),
        portal: true,
      };
  }
  // a prospect (lead plan) has no portal account: email only, with the content in the message
  if (d.plan.lead?.contactEmail)
    return {
      id: `lead-${d.id}`,
      email: d.plan.lead.contactEmail,
      name: d.plan.lead.contactName,
      prefs: { ...DEFAULT_CHANNEL_PREFS, inApp: false },
      portal: false,
    };
  return null;
}

export async function sendEducationDelivery(
  db: Db,
  tenant: JobTenant,
  d: DueDelivery,
  now: Date,
  appUrl: string,
): Promise<"sent" | "no_recipient" | "already_sent"> {
  const recipient = await recipientOf(db, tenant.id, d);
  // the provider's name, logo and accent when it set them (docs/branding.md#emails)
  const brand = await emailBrand(db, tenant.id, appUrl);
  const doc = educationDocument({
    title: d.item.title,
    kind: d.item.kind,
    durationMinutes: d.item.durationMinutes,
    url: `${appUrl}/portal/learn`,
    recipientName: recipient?.name ?? "there",
    tenantName: brand?.name ?? tenant.name,
  });
  doc.brand = brand;
  if (recipient && !recipient.portal) {
    const section = doc.sections[0];
    if (section)
      doc.sections[0] = {
        ...section,
        note: renderEducationBody(d.item.body, { refundAmount: "the guarantee amount in your agreement" }),
        link: null,
      };
  }
  const message = renderMessage(doc);
  const key = `education/${d.id}`;
  const rows = recipient
    ? rowsForPerson(
        { id: recipient.id, tenantId: tenant.id, email: recipient.email, prefs: recipient.prefs },
        message,
        key,
        { now, channels: recipient.portal ? chosenChannels(recipient.prefs) : ["email"] },
      )
    : [
        {
          tenantId: tenant.id,
          channel: "EMAIL" as const,
          recipient: "",
          subject: message.subject,
          bodyText: message.text,
          bodyHtml: null,
          idempotencyKey: `${key}/email`,
          status: "DEAD" as const,
          lastError: "Nobody to send it to: the stakeholder is disabled and the account has no other contact",
          createdAt: now,
          nextAttemptAt: now,
        },
      ];
  return db.$transaction(async (tx) => {
    if (!(await markEducationSent(tx, tenant.id, d.id, now))) return "already_sent";
    await insertOutboxMessages(tx, rows);
    return recipient ? "sent" : "no_recipient";
  });
}
