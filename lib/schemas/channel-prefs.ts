import { z } from "zod";

/**
 * A person's channels and digest frequency, stored in User.channelPrefs as
 * { email, slack, teams, inApp, digest, slackWebhookUrl?, teamsWebhookUrl? }. Forms send the list of
 * chosen channels; an unknown channel name, or Slack/Teams without a webhook URL, is refused here.
 */
export const CHANNELS = ["email", "slack", "teams", "in_app"] as const;
export type Channel = (typeof CHANNELS)[number];
export const DIGEST_FREQUENCIES = ["daily", "weekly", "off"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/**
 * Recurring mail a person can stop from the message itself, one kind at a time (List-Unsubscribe,
 * docs/messaging.md#headers). Transactional mail (sign-in links, invitations) is not among them.
 */
export const RECURRING_MAIL_KINDS = ["digest", "reminder", "alert"] as const;
export type RecurringMailKind = (typeof RECURRING_MAIL_KINDS)[number];
const isMailKind = (v: string): v is RecurringMailKind => (RECURRING_MAIL_KINDS as readonly string[]).includes(v);

export const CHANNEL_LABEL: Record<Channel, string> = {
  email: "Email",
  slack: "Slack",
  teams: "Microsoft Teams",
  in_app: "In the app",
};

export type ChannelPrefs = {
  email: boolean;
  slack: boolean;
  teams: boolean;
  inApp: boolean;
  digest: DigestFrequency;
  slackWebhookUrl: string | null;
  teamsWebhookUrl: string | null;
  /** set when Slack or Teams refused a message with a 4xx (docs/alerts.md#chat-channel-health) */
  slackBroken: ChatBroken | null;
  teamsBroken: ChatBroken | null;
  /** recurring mail this person unsubscribed from by email (the other channels are unaffected) */
  emailOptOuts: RecurringMailKind[];
};
/** When a chat URL stopped working and what it answered (e.g. "HTTP 404: no_service"). */
export type ChatBroken = { at: string; error: string };
export type ChatChannel = "slack" | "teams";

export const DEFAULT_CHANNEL_PREFS: ChannelPrefs = {
  email: true,
  slack: false,
  teams: false,
  inApp: true,
  digest: "daily",
  slackWebhookUrl: null,
  teamsWebhookUrl: null,
  slackBroken: null,
  teamsBroken: null,
  emailOptOuts: [],
};

const ZChatBrokenSchema = z.object({ at: z.string(), error: z.string() });

const ZStoredSchema = z.object({
  email: z.boolean().optional(),
  slack: z.boolean().optional(),
  teams: z.boolean().optional(),
  inApp: z.boolean().optional(),
  digest: z.enum(DIGEST_FREQUENCIES).optional(),
  slackWebhookUrl: z.string().nullish(),
  teamsWebhookUrl: z.string().nullish(),
  slackBroken: ZChatBrokenSchema.nullish(),
  teamsBroken: ZChatBrokenSchema.nullish(),
  emailOptOuts: z.array(z.string()).optional(),
});

/** Stored JSON → preferences; anything missing or malformed falls back to the defaults field by field. */
export function readChannelPrefs(stored: unknown): ChannelPrefs {
  const parsed = ZStoredSchema.safeParse(stored);
  const v = parsed.success ? parsed.data : {};
  return {
    email: v.email ?? DEFAULT_CHANNEL_PREFS.email,
    slack: v.slack ?? DEFAULT_CHANNEL_PREFS.slack,
    teams: v.teams ?? DEFAULT_CHANNEL_PREFS.teams,
    inApp: v.inApp ?? DEFAULT_CHANNEL_PREFS.inApp,
    digest: v.digest ?? DEFAULT_CHANNEL_PREFS.digest,
    slackWebhookUrl: v.slackWebhookUrl ?? null,
    teamsWebhookUrl: v.teamsWebhookUrl ?? null,
    slackBroken: v.slackBroken ?? null,
    teamsBroken: v.teamsBroken ?? null,
    emailOptOuts: [...new Set((v.emailOptOuts ?? []).filter(isMailKind))],
  };
}

export function chosenChannels(prefs: ChannelPrefs): Channel[] {
  return CHANNELS.filter((c) => (c === "in_app" ? prefs.inApp : prefs[c]));
}

const ZWebhookUrlField = z
  .string()
  .trim()
  .max(2000, "That URL is too long")
  .refine((v) => v === "" || URL.canParse(v), "Enter a full URL, e.g. https://hooks.slack.com/services/…")
  .optional();

export const ZUpdateChannelPrefsSchema = z
  .object({
    channels: z
      .array(
        z.enum(CHANNELS, {
          error: (issue) => `Unknown channel "${String(issue.input)}": choose email, slack, teams or in_app`,
        }),
      )
      .max(CHANNELS.length),
    digest: z.enum(DIGEST_FREQUENCIES, { error: "Choose a daily or weekly digest, or off" }),
    /** recurring mail not wanted by email (docs/messaging.md#headers); left out, the stored choice stays */
    emailOptOuts: z
      .array(
        z.enum(RECURRING_MAIL_KINDS, {
          error: (issue) => `Unknown kind of email "${String(issue.input)}": choose digest, reminder or alert`,
        }),
      )
      .max(RECURRING_MAIL_KINDS.length)
      .optional(),
    slackWebhookUrl: ZWebhookUrlField,
    teamsWebhookUrl: ZWebhookUrlField,
  })
  .superRefine((v, ctx) => {
    if (v.channels.includes("slack") && !v.slackWebhookUrl)
      ctx.addIssue({
        code: "custom",
        path: ["slackWebhookUrl"],
        message: "Add your Slack incoming-webhook URL, or turn Slack off",
      });
    if (v.channels.includes("teams") && !v.teamsWebhookUrl)
      ctx.addIssue({
        code: "custom",
        path: ["teamsWebhookUrl"],
        message: "Add your Teams incoming-webhook URL, or turn Teams off",
      });
  });
export type UpdateChannelPrefsInput = z.infer<typeof ZUpdateChannelPrefsSchema>;

export const ZTestChatChannelSchema = z.object({
  channel: z.enum(["slack", "teams"], { error: "Choose slack or teams" }),
});
