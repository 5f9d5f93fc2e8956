import { z } from "zod";
import { ZChatHostsSchema } from "@/lib/chat-hosts";

/**
 * Workspace-wide security settings an admin changes on Settings (docs/security.md). Each field left out keeps
 * its stored value.
 */
export const ZWorkspaceSettingsSchema = z.object({
  /** four eyes on refunds (docs/security.md#refunds-four-eyes): off by default; on for one-person companies */
  refundsByOnePerson: z.boolean({ error: "Choose whether one person may take a refund through every step" }).optional(),
  /** hosts Slack and Teams URLs may use besides the channels' own (docs/security.md#chat-webhook-hosts) */
  chatWebhookHosts: ZChatHostsSchema.optional(),
});
export type WorkspaceSettingsInput = z.infer<typeof ZWorkspaceSettingsSchema>;

/** The settings form: the hosts as a text box, one per line, read into the list (its first problem on the box). */
export const ZWorkspaceSettingsFormSchema = ZWorkspaceSettingsSchema.extend({
  chatWebhookHosts: z.string().transform((text, ctx) => {
    const lines = text
      .split(/[\n,]/)
      .map((l) => l.trim())
      .filter(Boolean);
    const parsed = ZChatHostsSchema.safeParse(lines);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const line = typeof issue?.path[0] === "number" ? lines[issue.path[0]] : undefined;
    ctx.addIssue({ code: "custom", message: `${line ? `${line}: ` : ""}${issue?.message ?? "Check the hosts"}` });
    return z.NEVER;
  }),
});
