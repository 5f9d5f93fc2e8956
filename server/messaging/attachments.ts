import { z } from "zod";

/**
 * Files attached to an email (a calendar invite), carried in the outbox row's payload until the email
 * channel hands them to the provider. `content` is base64.
 */
export type EmailAttachment = { filename: string; content: string; contentType: string };

const ZAttachments = z.object({
  attachments: z.array(z.object({ filename: z.string(), content: z.string(), contentType: z.string() })),
});

/** The attachments of an email row's payload, to spread into the send call; nothing when it has none. */
export function emailAttachments(payload: unknown): { attachments?: EmailAttachment[] } {
  const parsed = ZAttachments.safeParse(payload);
  return parsed.success && parsed.data.attachments.length > 0 ? { attachments: parsed.data.attachments } : {};
}
