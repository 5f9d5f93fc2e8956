import { escapeHtml } from "@/lib/html";
import { buttonColor, emailBrandHeader, type EmailBrand } from "./brand";
/**
 * One message document rendered for every channel: email (HTML with inline styles + plain text),
 * Slack (Block Kit), Microsoft Teams (an Adaptive Card in a message) and the in-app notification.
 * Plain functions rather than React email: the layout is one column of facts and lists, and every
 * value is escaped here, in one place.
 */
export type MessageSection = {
  title: string;
  facts: { label: string; value: string }[];
  lists: { heading: string; items: string[] }[];
  note: string | null;
  link: { label: string; url: string } | null;
};

export type MessageDoc = {
  subject: string;
  intro: string;
  sections: MessageSection[];
  /** extra lines after the sections (e.g. "Since yesterday" events) */
  trailer: { heading: string; items: string[] } | null;
  footer: string;
  inApp: { title: string; body: string; link: string };
  /** the provider's name, logo and accent for customer emails (docs/branding.md#emails); none → Onward's header */
  brand?: EmailBrand | null;
};

export type SlackMessage = { text: string; blocks: unknown[] };
export type TeamsMessage = {
  type: "message";
  attachments: { contentType: string; contentUrl: null; content: unknown }[];
};

export type RenderedMessage = {
  subject: string;
  text: string;
  html: string;
  slack: SlackMessage;
  teams: TeamsMessage;
  inApp: MessageDoc["inApp"];
};

/** Slack allows 50 blocks a message; sections beyond these are left to the email and the app. */
export const SLACK_SECTION_LIMIT = 8;

/** Slack mrkdwn control characters (&, <, >) escaped as Slack asks. */
function slackEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function renderText(doc: MessageDoc): string {
  const out: string[] = [doc.intro, ""];
  for (const s of doc.sections) {
    out.push(s.title, "=".repeat(Math.min(s.title.length, 60)));
    for (const f of s.facts) out.push(`${f.label}: ${f.value}`);
    for (const l of s.lists) {
      out.push("", `${l.heading}:`);
      for (const item of l.items) out.push(`  - ${item}`);
    }
    if (s.note) out.push("", s.note);
    if (s.link) out.push("", `${s.link.label}: ${s.link.url}`);
    out.push("");
  }
  if (doc.trailer) {
    out.push(`${doc.trailer.heading}:`);
    for (const item of doc.trailer.items) out.push(`  - ${item}`);
    out.push("");
  }
  out.push("--", doc.footer);
  return out.join("\n");
}

function renderHtml(doc: MessageDoc): string {
  const e = escapeHtml;
  const list = (l: { heading: string; items: string[] }) =>
    `<p style="margin:12px 0 4px;font-weight:600">${e(l.heading)}</p><ul style="margin:0;padding-left:20px">${l.items.map((i) => `<li>${e(i)}</li>`).join("")}</ul>`;
  const sections = doc.sections
    .map(
      (s) => `<div style="border:1px solid #e4e4e7;border-radius:8px;padding:16px;margin:16px 0">
<h2 style="margin:0 0 8px;font-size:16px">${e(s.title)}</h2>
${s.facts.length > 0 ? `<table role="presentation" style="border-collapse:collapse;font-size:14px">${s.facts.map((f) => `<tr><td style="padding:2px 12px 2px 0;color:#52525b;vertical-align:top">${e(f.label)}</td><td style="padding:2px 0">${e(f.value)}</td></tr>`).join("")}</table>` : ""}
${s.lists.map(list).join("\n")}
${s.note ? `<p style="margin:12px 0 0;color:#52525b">${e(s.note)}</p>` : ""}
${s.link ? `<p style="margin:16px 0 0"><a href="${e(s.link.url)}" style="background:${buttonColor(doc.brand)};color:#fff;padding:8px 14px;border-radius:6px;text-decoration:none;display:inline-block">${e(s.link.label)}</a></p>` : ""}
</div>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(doc.subject)}</title></head>
<body style="margin:0;background:#fafafa;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#18181b;line-height:1.5">
<div style="max-width:640px;margin:0 auto;padding:24px">
${doc.brand ? emailBrandHeader(doc.brand) : `<p style="margin:0 0 8px;font-weight:600">Onward</p>`}
<p style="margin:0">${e(doc.intro)}</p>
${sections}
${doc.trailer ? list(doc.trailer) : ""}
<p style="margin:24px 0 0;font-size:12px;color:#71717a">${e(doc.footer)}</p>
</div></body></html>`;
}

function renderSlack(doc: MessageDoc): SlackMessage {
  const blocks: unknown[] = [
    { type: "header", text: { type: "plain_text", text: clip(doc.subject, 150), emoji: false } },
    { type: "section", text: { type: "mrkdwn", text: clip(slackEscape(doc.intro), 3000) } },
  ];
  for (const s of doc.sections.slice(0, SLACK_SECTION_LIMIT)) {
    blocks.push({ type: "divider" });
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: clip(`*${slackEscape(s.title)}*`, 3000) },
      ...(s.facts.length > 0
        ? {
            fields: s.facts
              .slice(0, 10)
              .map((f) => ({ type: "mrkdwn", text: clip(`*${slackEscape(f.label)}*\n${slackEscape(f.value)}`, 2000) })),
          }
        : {}),
    });
    const lists = s.lists
      .map((l) => `*${slackEscape(l.heading)}*\n${l.items.map((i) => `• ${slackEscape(i)}`).join("\n")}`)
      .join("\n\n");
    if (lists) blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(lists, 3000) } });
    if (s.link)
      blocks.push({
        type: "actions",
        elements: [{ type: "button", text: { type: "plain_text", text: clip(s.link.label, 75) }, url: s.link.url }],
      });
  }
  const hidden = doc.sections.length - SLACK_SECTION_LIMIT;
  if (hidden > 0)
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: `…and ${hidden} more in the email and in Onward.` }],
    });
  if (doc.trailer) {
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: clip(
          `*${slackEscape(doc.trailer.heading)}*\n${doc.trailer.items.map((i) => `• ${slackEscape(i)}`).join("\n")}`,
          3000,
        ),
      },
    });
  }
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: clip(slackEscape(doc.footer), 3000) }] });
  return { text: clip(`${doc.subject} — ${doc.intro}`, 3000), blocks };
}

function renderTeams(doc: MessageDoc): TeamsMessage {
  const body: unknown[] = [
    { type: "TextBlock", text: doc.subject, size: "Large", weight: "Bolder", wrap: true },
    { type: "TextBlock", text: doc.intro, wrap: true },
  ];
  for (const s of doc.sections) {
    body.push({
      type: "TextBlock",
      text: s.title,
      size: "Medium",
      weight: "Bolder",
      wrap: true,
      separator: true,
      spacing: "Medium",
    });
    if (s.facts.length > 0)
      body.push({ type: "FactSet", facts: s.facts.map((f) => ({ title: f.label, value: f.value })) });
    for (const l of s.lists)
      body.push({
        type: "TextBlock",
        text: `**${l.heading}**\n\n${l.items.map((i) => `- ${i}`).join("\n")}`,
        wrap: true,
      });
    if (s.note) body.push({ type: "TextBlock", text: s.note, wrap: true, isSubtle: true });
    if (s.link)
      body.push({ type: "ActionSet", actions: [{ type: "Action.OpenUrl", title: s.link.label, url: s.link.url }] });
  }
  if (doc.trailer)
    body.push({
      type: "TextBlock",
      text: `**${doc.trailer.heading}**\n\n${doc.trailer.items.map((i) => `- ${i}`).join("\n")}`,
      wrap: true,
      separator: true,
    });
  body.push({ type: "TextBlock", text: doc.footer, wrap: true, isSubtle: true, size: "Small" });
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body,
          msteams: { width: "Full" },
        },
      },
    ],
  };
}

export function renderMessage(doc: MessageDoc): RenderedMessage {
  return {
    subject: doc.subject,
    text: renderText(doc),
    html: renderHtml(doc),
    slack: renderSlack(doc),
    teams: renderTeams(doc),
    inApp: doc.inApp,
  };
}
