/**
 * The setup checklist a new workspace's admin sees on their home page (docs/onboarding.md). Every item
 * is read from data — nothing is ticked by hand — so the list says what the workspace really has.
 * Pure: the facts come in, the checklist goes out.
 */

export type OnboardingFacts = {
  /** at least one customer success manager or technical lead has been invited */
  teamInvited: boolean;
  /** the portal shows the provider's own name, logo or colour */
  portalBranded: boolean;
  /** customer email goes out with the provider's sender or reply-to */
  senderSet: boolean;
  /** someone in the workspace receives notifications in Slack or Teams */
  chatConnected: boolean;
  /** the pipeline has a lead (imported or created) */
  hasLeads: boolean;
  /** a project has a CI token for its evidence */
  ciTokenCreated: boolean;
  /** a lead has been qualified */
  qualificationRun: boolean;
  /** a kickoff has started: the workspace has a project */
  kickoffStarted: boolean;
};

export type ChecklistKey = keyof OnboardingFacts;

type ItemDefinition = {
  key: ChecklistKey;
  title: string;
  description: string;
  href: string;
  action: string;
  optional: boolean;
};

/** In the order a services company usually sets up: people, look, channels, pipeline, delivery. */
export const CHECKLIST_ITEMS: readonly ItemDefinition[] = [
  {
    key: "teamInvited",
    title: "Invite your team",
    description: "Add at least one customer success manager or technical lead.",
    href: "/settings#users",
    action: "Invite",
    optional: false,
  },
  {
    key: "portalBranded",
    title: "Brand the customer portal",
    description: "Your name, logo and colour on everything customers see.",
    href: "/settings/branding",
    action: "Brand",
    optional: false,
  },
  {
    key: "senderSet",
    title: "Set the email sender",
    description: "The name and reply-to address on the email your customers get.",
    href: "/settings/branding#sender",
    action: "Set sender",
    optional: false,
  },
  {
    key: "chatConnected",
    title: "Connect Slack or Teams",
    description: "Alerts and digests in the channel your team already reads.",
    href: "/settings/notifications",
    action: "Connect",
    optional: true,
  },
  {
    key: "hasLeads",
    title: "Import leads or create the first one",
    description: "Bring your pipeline over from a CSV export, or add a lead by hand.",
    href: "/leads/import",
    action: "Import",
    optional: false,
  },
  {
    key: "ciTokenCreated",
    title: "Create a CI token on a project",
    description: "Quality gates fed straight from your builds.",
    href: "/projects",
    action: "Open projects",
    optional: true,
  },
  {
    key: "qualificationRun",
    title: "Run a first qualification",
    description: "Score a lead against your criteria.",
    href: "/leads",
    action: "Open leads",
    optional: false,
  },
  {
    key: "kickoffStarted",
    title: "Start a first kickoff",
    description: "Turn a qualified lead with a chosen tier into a project.",
    href: "/leads",
    action: "Open leads",
    optional: false,
  },
];

export type ChecklistItem = ItemDefinition & { done: boolean };

export type Checklist = {
  items: ChecklistItem[];
  done: number;
  total: number;
  requiredLeft: number;
  complete: boolean;
};

export function buildChecklist(facts: OnboardingFacts): Checklist {
  const items = CHECKLIST_ITEMS.map((item) => ({ ...item, done: facts[item.key] }));
  const done = items.filter((i) => i.done).length;
  const requiredLeft = items.filter((i) => !i.optional && !i.done).length;
  return { items, done, total: items.length, requiredLeft, complete: requiredLeft === 0 };
}
