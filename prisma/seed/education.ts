import { DEFAULT_EDUCATION_CONFIG, planEducation } from "../../domain/education/plan";
import { DEFAULT_EDUCATION_LIBRARY } from "../../domain/education/library";
import { backgroundOf } from "../../domain/education/background";
import { addDays, addHours, type SeedContext } from "./context";

/**
 * The tenant's content library is the engine's default library (docs/domain.md#education and ours), and accounts flagged
 * in their spec get a plan made by the same engine the CSM uses, started four days ago: items already
 * sent are SENT, the first two of each stakeholder COMPLETED a few hours later, the rest still SCHEDULED.
 */
export function buildEducation(ctx: SeedContext): void {
  const { rows, tenantId, now } = ctx;
  const roles = new Map(rows.customer.map((u) => [u.id, u.stakeholderRole]));
  const createdAt = ctx.daysAgo(140);
  const itemIds = new Map<string, string>();
  DEFAULT_EDUCATION_LIBRARY.forEach((item, position) => {
    const id = ctx.id();
    itemIds.set(item.key, id);
    rows.educationItem.push({
      id,
      tenantId,
      key: item.key,
      title: item.title,
      kind: item.kind,
      audience: item.audience,
      serviceTypes: item.serviceTypes,
      body: item.body,
      durationMinutes: item.durationMinutes,
      deliveryMethod: item.deliveryMethod,
      position,
      createdAt,
    });
  });
  for (const account of ctx.accounts.values()) {
    if (!account.spec.educationPlan) continue;
    const project = ctx.spec.projects.find((p) => p.account === account.spec.key && p.scenario === "kickoff");
    const serviceType = project?.serviceType ?? "MVP_DEVELOPMENT";
    const planStart = addDays(now, -4);
    const plan = planEducation({
      serviceType,
      background: "business",
      library: DEFAULT_EDUCATION_LIBRARY,
      startAt: planStart,
      config: DEFAULT_EDUCATION_CONFIG,
      stakeholders: account.stakeholders.map((id) => ({ id, background: backgroundOf(roles.get(id)) })),
    });
    const planId = ctx.id();
    rows.educationPlan.push({
      id: planId,
      tenantId,
      customerAccountId: account.id,
      serviceType,
      background: "business",
      createdAt: planStart,
    });
    const doneSoFar = new Map<string | null, number>();
    for (const d of plan.deliveries) {
      const itemId = itemIds.get(d.itemKey);
      if (!itemId) continue;
      const sent = d.scheduledAt <= now;
      const done = doneSoFar.get(d.stakeholderId) ?? 0;
      const completed = sent && done < 2;
      if (completed) doneSoFar.set(d.stakeholderId, done + 1);
      rows.educationDelivery.push({
        id: ctx.id(),
        tenantId,
        planId,
        itemId,
        userId: d.stakeholderId,
        status: completed ? "COMPLETED" : sent ? "SENT" : "SCHEDULED",
        scheduledAt: d.scheduledAt,
        sentAt: sent ? d.scheduledAt : null,
        completedAt: completed ? addHours(d.scheduledAt, 5) : null,
      });
    }
  }
}
