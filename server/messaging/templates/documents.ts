import type { AlertSeverity } from "@/generated/prisma/enums";
import { ALERT_SEVERITY_LABEL } from "@/domain/alerts/registry";
import type { Digest } from "@/domain/progress/stakeholder-updates";
import type { MessageDoc } from "./render";

/** The documents Onward sends: digests, urgent alerts, milestone reminders, education items. */

const FOOTER = "You receive this because of your Onward notification settings.";

export function digestDocument(digest: Digest, links: { preferences: string; inApp: string }): MessageDoc {
  const sections = digest.sections.map((s) => ({
    title: s.title,
    facts: s.facts,
    lists: s.lists,
    note: s.note,
    link: s.link,
  }));
  const events = [
    ...digest.events,
    ...(digest.omittedEvents > 0 ? [`…and ${digest.omittedEvents} more in Onward`] : []),
  ];
  return {
    subject: digest.subject,
    intro: `${digest.intro}${digest.omittedProjects > 0 ? ` The ${digest.omittedProjects} calmest projects are left out; all are in Onward.` : ""}`,
    sections,
    trailer: events.length > 0 ? { heading: "Also since the last digest", items: events } : null,
    footer: `${FOOTER} Change channels or frequency: ${links.preferences}`,
    inApp: { title: digest.subject, body: digest.intro, link: links.inApp },
  };
}

/** An urgent alert; `label` is the registry's name of its kind (docs/alerts.md). */
export function alertDocument(
  alert: { severity: AlertSeverity; label: string; message: string; url: string; projectName: string | null },
  preferencesUrl: string,
): MessageDoc {
  const severity = ALERT_SEVERITY_LABEL[alert.severity];
  const subject = `[${severity}] ${alert.projectName ?? "Onward"}: ${alert.label}`;
  return {
    subject,
    intro: alert.message,
    sections: [
      {
        title: alert.projectName ?? "Alert",
        facts: [
          { label: "Severity", value: severity },
          { label: "Alert", value: alert.label },
        ],
        lists: [],
        note: null,
        link: { label: "Open in Onward", url: alert.url },
      },
    ],
    trailer: null,
    footer: `Urgent alerts are sent at once, whatever your digest frequency. ${preferencesUrl}`,
    inApp: { title: subject, body: alert.message, link: alert.url },
  };
}

export function milestoneReminderDocument(
  m: { projectName: string; weekNumber: number; title: string; dueDate: Date; url: string; recipientName: string },
  preferencesUrl: string,
): MessageDoc {
  const due = m.dueDate.toISOString().slice(0, 10);
  const subject = `Reminder: ${m.projectName} week ${m.weekNumber} is due ${due}`;
  return {
    subject,
    intro: `Hello ${m.recipientName}, week ${m.weekNumber} "${m.title}" of ${m.projectName} is due on ${due} and is not validated yet.`,
    sections: [
      {
        title: `${m.projectName} - Week ${m.weekNumber}`,
        facts: [
          { label: "Milestone", value: m.title },
          { label: "Due", value: due },
        ],
        lists: [],
        note: null,
        link: { label: "Open the milestone", url: m.url },
      },
    ],
    trailer: null,
    footer: `${FOOTER} ${preferencesUrl}`,
    inApp: { title: subject, body: `Week ${m.weekNumber} "${m.title}" is due on ${due}.`, link: m.url },
  };
}

export function educationDocument(item: {
  title: string;
  kind: string;
  durationMinutes: number;
  url: string;
  recipientName: string;
  tenantName: string;
}): MessageDoc {
  const subject = `${item.tenantName}: ${item.title}`;
  return {
    subject,
    intro: `Hello ${item.recipientName}, your next getting-started item is ready: "${item.title}" (${item.kind.replace(/_/g, " ")}, about ${item.durationMinutes} minutes).`,
    sections: [
      {
        title: item.title,
        facts: [{ label: "Time", value: `about ${item.durationMinutes} minutes` }],
        lists: [],
        note: "Read it in your project portal and mark it read there.",
        link: { label: "Read it in the portal", url: item.url },
      },
    ],
    trailer: null,
    footer: `Sent by ${item.tenantName} through Onward.`,
    inApp: {
      title: `New to read: ${item.title}`,
      body: `About ${item.durationMinutes} minutes.`,
      link: "/portal/learn",
    },
  };
}
