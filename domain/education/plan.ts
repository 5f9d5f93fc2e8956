/**
 * A personalised education plan (docs/domain.md#education deliver_education_content / _create_education_plan, the latter
 * undefined in the seed — ours). Pure and deterministic: time only comes from `startAt`.
 *
 * Rules:
 * - Items: the lead items (default: the guarantee, then the overview — docs/domain.md#education's two) always come first,
 *   whatever their audience or service type; then the library items for the service type whose audience fits
 *   the stakeholder: business stakeholders get "all" + "business" items (no technical deep-dives), technical
 *   stakeholders get "all" + "technical" + "business". Within a group the library's order is kept.
 * - Schedule: per stakeholder, items are spread evenly over `spreadDays` (default: completion in 3 days), sent at
 *   `sendHourUtc`, at most `maxPerDay` a day, `slotSpacingMinutes` apart. More items than fit make the plan
 *   longer, never a day fuller. Day 1 is startAt's UTC day when its send hour is still ahead, else the next day.
 * - With no stakeholder accounts yet (a lead), one delivery set goes to the primary contact (stakeholderId null).
 */
import { z } from "zod";
import type { ServiceType } from "@/generated/prisma/enums";
import { GUARANTEE_ITEM_KEY, OVERVIEW_ITEM_KEY, type DeliveryMethod, type EducationItemSpec } from "./library";
import { plural } from "@/lib/format";

export type Background = "technical" | "business";

export { educationProgress, type EducationProgress, type ProgressDelivery } from "./progress";

export type EducationConfig = {
  spreadDays: number;
  sendHourUtc: number;
  maxPerDay: number;
  slotSpacingMinutes: number;
  /** success criterion: every item completed within this many days of the start */
  completionDays: number;
  /** items placed first in every plan, in this order */
  leadItemKeys: string[];
};

export const DEFAULT_EDUCATION_CONFIG: EducationConfig = {
  spreadDays: 3, // docs/domain.md#education: estimated_completion = now + 3 days
  sendHourUtc: 14, // early afternoon in Europe, morning in the Americas
  maxPerDay: 2, // more than two a day stops being read
  slotSpacingMinutes: 60,
  completionDays: 7,
  leadItemKeys: [GUARANTEE_ITEM_KEY, OVERVIEW_ITEM_KEY],
};

const MINUTES_PER_DAY = 24 * 60;
const MINUTE_MS = 60_000;
const DAY_MS = MINUTES_PER_DAY * MINUTE_MS;
/** The plan is complete a day after the last item goes out: time to read it. */
const READING_ALLOWANCE_DAYS = 1;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const whole = (what: string, min: number, max: number) =>
  z
    .number()
    .int(`Use a whole number for ${what}`)
    .min(min, `${capitalise(what)} is at least ${min}`)
    .max(max, `${capitalise(what)} is at most ${max}`);

export const ZEducationConfigSchema = z
  .object({
    spreadDays: whole("the spread in days", 1, 30),
    sendHourUtc: whole("the send hour (UTC)", 0, 23),
    maxPerDay: whole("items per day", 1, 10),
    slotSpacingMinutes: whole("the minutes between two items", 5, 720),
    completionDays: whole("the completion deadline in days", 1, 90),
    leadItemKeys: z
      .array(z.string().trim().min(1).max(64))
      .max(10, "At most 10 lead items")
      .refine((keys) => new Set(keys).size === keys.length, "A lead item is listed twice"),
  })
  .superRefine((c, ctx) => {
    const lastMinute = c.sendHourUtc * 60 + (c.maxPerDay - 1) * c.slotSpacingMinutes;
    if (lastMinute >= MINUTES_PER_DAY) {
      ctx.addIssue({
        code: "custom",
        path: ["slotSpacingMinutes"],
        message: `The last of ${c.maxPerDay} daily items would go out after midnight UTC; send earlier, fewer or closer together`,
      });
    }
    if (c.spreadDays > c.completionDays) {
      ctx.addIssue({
        code: "custom",
        path: ["completionDays"],
        message: `Items arrive over ${c.spreadDays} days, so completion cannot be expected within ${c.completionDays}`,
      });
    }
  }) satisfies z.ZodType<EducationConfig>;

export type PlannedItem = {
  key: string;
  title: string;
  reason: string;
  durationMinutes: number;
  deliveryMethod: DeliveryMethod;
};
export type PlannedDelivery = {
  itemKey: string;
  stakeholderId: string | null;
  scheduledAt: Date;
  method: DeliveryMethod;
};
export type EducationPlan = {
  items: PlannedItem[];
  deliveries: PlannedDelivery[];
  estimatedCompletion: Date;
  successCriteria: string[];
  explanation: string;
};

export type PlanEducationInput = {
  serviceType: ServiceType;
  /** the plan's default background, for stakeholders who do not state theirs */
  background: Background;
  stakeholders: readonly { id: string; background?: Background }[];
  library: readonly EducationItemSpec[];
  startAt: Date;
  config?: EducationConfig;
};

const AUDIENCES: Record<Background, readonly EducationItemSpec["audience"][]> = {
  business: ["all", "business"],
  technical: ["all", "technical", "business"],
};

function reasonFor(item: EducationItemSpec, leadKeys: readonly string[]): string {
  if (item.key === GUARANTEE_ITEM_KEY)
    return "Everyone starts with the guarantee: what counts as success (40/30/30) and the remedies.";
  if (item.key === OVERVIEW_ITEM_KEY) return "How the 30 days run, phase by phase, and what to expect.";
  if (leadKeys.includes(item.key)) return "Placed first by your education settings.";
  const scope = item.serviceTypes.length === 1 ? " on this kind of project" : "";
  if (item.audience === "technical") return `Technical deep-dive${scope}: for technical stakeholders only.`;
  if (item.audience === "business") return `For business stakeholders${scope}; technical stakeholders get it too.`;
  return `For every stakeholder${scope}.`;
}

/** The ordered items for one background: lead items, then by audience group, library order within a group. */
export function selectItems(
  serviceType: ServiceType,
  background: Background,
  library: readonly EducationItemSpec[],
  leadKeys: readonly string[],
): EducationItemSpec[] {
  const lead = leadKeys.flatMap((key) => library.filter((item) => item.key === key).slice(0, 1));
  const audiences = AUDIENCES[background];
  const rest = library.filter(
    (item) =>
      !leadKeys.includes(item.key) && item.serviceTypes.includes(serviceType) && audiences.includes(item.audience),
  );
  const rank = (item: EducationItemSpec) => audiences.indexOf(item.audience);
  return [
    ...lead,
    ...rest
      .map((item, index) => ({ item, index }))
      .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
      .map((x) => x.item),
  ];
}

/** Send times for `count` items: evenly over max(spreadDays, ceil(count / maxPerDay)) days, slots within a day. */
export function scheduleTimes(count: number, startAt: Date, config: EducationConfig): Date[] {
  const maxPerDay = Math.max(1, config.maxPerDay);
  const days = Math.max(1, config.spreadDays, Math.ceil(count / maxPerDay));
  const dayStart = Date.UTC(startAt.getUTCFullYear(), startAt.getUTCMonth(), startAt.getUTCDate());
  const firstDay = startAt.getTime() <= dayStart + config.sendHourUtc * 60 * MINUTE_MS ? dayStart : dayStart + DAY_MS;
  const perDay = new Map<number, number>();
  return Array.from({ length: count }, (_, i) => {
    const day = Math.floor((i * days) / count);
    const slot = perDay.get(day) ?? 0;
    perDay.set(day, slot + 1);
    return new Date(firstDay + day * DAY_MS + (config.sendHourUtc * 60 + slot * config.slotSpacingMinutes) * MINUTE_MS);
  });
}

export function planEducation(input: PlanEducationInput): EducationPlan {
  const config = input.config ?? DEFAULT_EDUCATION_CONFIG;
  const leadKeys = config.leadItemKeys;
  const unique = [...new Map(input.stakeholders.map((s) => [s.id, s] as const)).values()];
  const recipients: { id: string | null; background: Background }[] =
    unique.length === 0
      ? [{ id: null, background: input.background }]
      : unique.map((s) => ({ id: s.id, background: s.background ?? input.background }));

  const union: EducationItemSpec[] = [];
  const deliveries: PlannedDelivery[] = [];
  const counts = new Set<number>();
  let maxDays = 0;
  const backgrounds = [input.background, ...recipients.map((r) => r.background)];
  for (const background of backgrounds) {
    for (const item of selectItems(input.serviceType, background, input.library, leadKeys))
      if (!union.includes(item)) union.push(item);
  }
  for (const recipient of recipients) {
    const items = selectItems(input.serviceType, recipient.background, input.library, leadKeys);
    const times = scheduleTimes(items.length, input.startAt, config);
    counts.add(items.length);
    maxDays = Math.max(maxDays, Math.max(config.spreadDays, Math.ceil(items.length / Math.max(1, config.maxPerDay))));
    items.forEach((item, i) => {
      const scheduledAt = times[i];
      if (scheduledAt)
        deliveries.push({ itemKey: item.key, stakeholderId: recipient.id, scheduledAt, method: item.deliveryMethod });
    });
  }

  const last = deliveries.reduce((max, d) => Math.max(max, d.scheduledAt.getTime()), input.startAt.getTime());
  const estimatedCompletion = new Date(last + READING_ALLOWANCE_DAYS * DAY_MS);
  const sizes = [...counts].sort((a, b) => a - b);
  const itemsPhrase =
    sizes.length <= 1 ? `All ${sizes[0] ?? 0} items` : `Every stakeholder's items (${sizes[0]}–${sizes.at(-1)})`;
  const successCriteria = [`${itemsPhrase} completed within ${config.completionDays} days`];
  if (union.some((i) => i.key === GUARANTEE_ITEM_KEY))
    successCriteria.push(
      "Every stakeholder has read the guarantee's success criteria before the first weekly milestone",
    );
  if (union.some((i) => i.key === OVERVIEW_ITEM_KEY))
    successCriteria.push("Every stakeholder knows the five delivery phases and what each day brings");

  const overflow =
    maxDays > config.spreadDays
      ? ` (${sizes.at(-1)} items at ${config.maxPerDay} a day need more than ${config.spreadDays} days)`
      : "";
  const hour = String(config.sendHourUtc).padStart(2, "0");
  const explanation =
    `${plural(union.length, "item")} for ${plural(recipients.length, "recipient")}, at most ${config.maxPerDay} a day from ${hour}:00 UTC, ` +
    `over ${plural(maxDays, "day")}${overflow}; complete by ${estimatedCompletion.toISOString().slice(0, 10)}.`;

  return {
    items: union.map((item) => ({
      key: item.key,
      title: item.title,
      reason: reasonFor(item, leadKeys),
      durationMinutes: item.durationMinutes,
      deliveryMethod: item.deliveryMethod,
    })),
    deliveries,
    estimatedCompletion,
    successCriteria,
    explanation,
  };
}
