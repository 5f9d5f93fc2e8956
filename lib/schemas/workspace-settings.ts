import { z } from "zod";
import { ZChatHostsSchema } from "@/lib/chat-hosts";
import { ZTimeZoneSchema } from "@/lib/schemas/calendar";

/** How long a session may go without a request (docs/security.md#sessions), per kind of user, in hours. */
const hours = (who: string, max: number) =>
  z.coerce
    .number({ message: `Give the hours for ${who} as a number` })
    .int(`Give whole hours for ${who}`)
    .min(1, `Give at least 1 hour for ${who}`)
    .max(max, `Give at most ${max} hours for ${who}`);

/**
 * The workspace's own settings an admin changes on Settings → Workspace (docs/security.md#workspace-settings).
 * Each field left out keeps its stored value.
 */
export const ZWorkspaceSettingsSchema = z.object({
  /** meeting times are wall-clock times in it (docs/calendar.md#time-zone) */
  timeZone: ZTimeZoneSchema.optional(),
  /** staff without two-factor sign-in set it up at their next sign-in (docs/security.md#two-factor-sign-in) */
  requireTwoFactor: z.boolean({ error: "Choose whether team members must use two-factor sign-in" }).optional(),
  /** sign-out after inactivity (docs/security.md#sessions) */
  staffIdleHours: hours("team members", 72).optional(),
  customerIdleHours: hours("customers", 720).optional(),
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
