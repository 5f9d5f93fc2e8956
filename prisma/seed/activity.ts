import type { Prisma } from "../../generated/prisma/client";
import type { AlertInsert } from "../../server/db/alerts";
import { addDays, addHours, type SeedContext } from "./context";
import type { LeadFacts } from "./leads";
import { TENANT_AGE_DAYS } from "./org";
import type { ProjectFacts } from "./projects";

type AlertInput = Pick<AlertInsert, "kind" | "message" | "link" | "at"> & {
  resolvedAt?: Date;
  projectId?: string;
  accountId?: string;
  milestoneId?: string;
  guaranteeId?: string;
};

/**
 * What the dashboards and inboxes show today, derived from each project's story so it always agrees
 * with the milestones, refunds and health written elsewhere: alerts, action items, notifications, audit.
 */
export function buildActivity(ctx: SeedContext, projects: ProjectFacts[], leads: Map<string, LeadFacts>): void {
  const { rows, tenantId, now } = ctx;
  const exec = ctx.userByRole("EXECUTIVE");
  const admin = ctx.userByRole("ADMIN");
  // the registry's kinds only; the severity is the kind's (server/db/alerts.ts insertAlertRows)
  const alert = (a: AlertInput) =>
    rows.alert.push({
      id: ctx.id(),
      tenantId,
      kind: a.kind,
      message: a.message,
      link: a.link,
      at: a.at,
      resolvedAt: a.resolvedAt ?? null,
      projectId: a.projectId ?? null,
      customerAccountId: a.accountId ?? null,
      milestoneId: a.milestoneId ?? null,
      guaranteeId: a.guaranteeId ?? null,
    });
  const notify = (userId: string, title: string, link: string, at: Date, read = false, body?: string) =>
    rows.notification.push({
      id: ctx.id(),
      tenantId,
      userId,
      title,
      body: body ?? null,
      link,
      createdAt: at,
      readAt: read ? addHours(at, 2) : null,
    });
  const action = (a: Omit<Prisma.ActionItemCreateManyInput, "id" | "tenantId">) =>
    rows.action.push({ id: ctx.id(), tenantId, ...a });
  const audit = (
    actorId: string | null,
    act: string,
    entityType: string,
    entityId: string,
    at: Date,
    before: Prisma.InputJsonObject | null,
    after: Prisma.InputJsonObject,
  ) =>
    rows.audit.push({
      id: ctx.id(),
      tenantId,
      actorId,
      action: act,
      entityType,
      entityId,
      before: before ?? undefined,
      after,
      createdAt: at,
      ip: actorId ? "198.51.100.24" : null,
    });

  const configAt = ctx.daysAgo(TENANT_AGE_DAYS);
  for (const config of rows.config)
    audit(admin, "config.created", "TenantConfig", config.id ?? "", configAt, null, {
      kind: config.kind,
      version: config.version,
    });

  for (const p of projects) {
    const link = `/projects/${p.id}`;
    const base = { projectId: p.id, accountId: p.account.id };
    const name = p.spec.name;
    const atRisk = p.milestones.find((m) => m.status === "AT_RISK" && m.validatedAt);
    const failed = p.milestones.find((m) => m.status === "FAILED" && m.validatedAt);
    const current = p.milestones.find((m) => m.status === "IN_PROGRESS");
    const claimedAt = addDays(p.guaranteeEnd, 1);
    switch (p.spec.scenario) {
      case "at_risk": {
        if (!atRisk?.validatedAt) break;
        const at = atRisk.validatedAt;
        // the kinds and week link the app's validation raises (services/projects), so a re-validation settles them
        alert({
          ...base,
          kind: "MILESTONE_AT_RISK",
          milestoneId: atRisk.id,
          link: `${link}#week-${atRisk.week}`,
          at,
          message: `${name}: week ${atRisk.week} scored ${atRisk.score} (minimum ${atRisk.minimum})`,
        });
        // docs/domain.md#milestones at-risk → recovery actions
        [
          ["Add a senior developer to API integration", p.techLeadId],
          ["Daily check-in with the customer product owner", p.account.csmId],
          ["Re-run the security audit after fixes", p.techLeadId],
        ].forEach(([title = "", assigneeId], i) =>
          action({
            projectId: p.id,
            kind: "RECOVERY",
            title,
            assigneeId,
            dueAt: addDays(at, i + 1),
            status: i === 0 ? "DONE" : "OPEN",
            createdAt: at,
            completedAt: i === 0 ? addDays(at, 1) : null,
          }),
        );
        notify(p.account.csmId, `Milestone at risk: ${name} week ${atRisk.week}`, link, at);
        notify(p.techLeadId, `Recovery plan started for ${name}`, link, at);
        audit(
          p.techLeadId,
          "milestone.validated",
          "Milestone",
          atRisk.id,
          at,
          { status: "IN_PROGRESS" },
          { status: "AT_RISK", score: atRisk.score },
        );
        for (const e of p.escalations)
          alert({
            ...base,
            kind: "QUALITY_ESCALATION_COMPREHENSIVE",
            link,
            at: e,
            message: `${name}: quality validation escalated`,
          });
        break;
      }
      case "refund_review":
      case "failed_refunded": {
        const paid = p.spec.scenario === "failed_refunded";
        if (failed?.validatedAt)
          alert({
            ...base,
            kind: "MILESTONE_FAILED",
            milestoneId: failed.id,
            link: `${link}#week-${failed.week}`,
            at: failed.validatedAt,
            resolvedAt: p.guaranteeEnd,
            message: `${name}: week ${failed.week} failed validation (${failed.score})`,
          });
        if (!p.refundId) break;
        const customer = p.account.approvers[0] ?? null;
        audit(customer, "refund.claimed", "Refund", p.refundId, claimedAt, null, {
          status: "CLAIMED",
          successScore: p.successScore,
        });
        audit(
          p.account.csmId,
          "refund.review_started",
          "Refund",
          p.refundId,
          addDays(claimedAt, 1),
          { status: "CLAIMED" },
          { status: "UNDER_REVIEW" },
        );
        if (paid) {
          audit(
            exec,
            "refund.approved",
            "Refund",
            p.refundId,
            addDays(claimedAt, 3),
            { status: "UNDER_REVIEW" },
            { status: "APPROVED" },
          );
          audit(
            admin,
            "refund.paid",
            "Refund",
            p.refundId,
            addDays(claimedAt, 6),
            { status: "APPROVED" },
            { status: "PAID" },
          );
          notify(exec, `Refund paid for ${name}`, link, addDays(claimedAt, 6), true);
        } else {
          alert({
            ...base,
            kind: "REFUND_AWAITING_APPROVAL",
            guaranteeId: p.guaranteeId,
            link: "/refunds",
            at: addDays(claimedAt, 1),
            message: `${name}: refund claim awaiting executive approval`,
          });
          action({
            projectId: p.id,
            kind: "ESCALATION",
            title: `Decide on the refund claim for ${name}`,
            assigneeId: exec,
            dueAt: addDays(now, 2),
            createdAt: addDays(claimedAt, 1),
          });
          notify(exec, `Refund awaiting your approval: ${name}`, link, addDays(claimedAt, 1));
          notify(p.account.csmId, `Refund claimed on ${name}`, link, claimedAt, true);
        }
        break;
      }
      case "completed":
        alert({
          ...base,
          kind: "GUARANTEE_MET",
          guaranteeId: p.guaranteeId,
          link: `${link}/guarantee`,
          at: p.guaranteeEnd,
          resolvedAt: addDays(p.guaranteeEnd, 1),
          message: `${name}: guarantee met (${p.successScore})`,
        });
        audit(
          null,
          "guarantee.succeeded",
          "Guarantee",
          p.guaranteeId,
          p.guaranteeEnd,
          { status: "ACTIVE" },
          { status: "SUCCEEDED", successScore: p.successScore },
        );
        break;
      case "active":
        if (current)
          notify(
            p.techLeadId,
            `Week ${current.week} validation due for ${name}`,
            link,
            addDays(current.dueDate, -2) < now ? addDays(current.dueDate, -2) : now,
          );
        for (const e of p.escalations) {
          alert({
            ...base,
            kind: "QUALITY_ESCALATION_COMPREHENSIVE",
            link,
            at: e,
            resolvedAt: addDays(e, 1),
            message: `${name}: quality validation escalated`,
          });
          action({
            projectId: p.id,
            kind: "QUALITY",
            title: "Bring failed quality gates back within threshold",
            assigneeId: p.techLeadId,
            dueAt: addDays(e, 2),
            status: "DONE",
            createdAt: e,
            completedAt: addDays(e, 1),
          });
        }
        break;
      case "kickoff":
        notify(
          p.techLeadId,
          `Kickoff in progress: ${name}`,
          link,
          p.createdAt,
          false,
          "Staging is provisioning; launch follows stakeholder onboarding.",
        );
        action({
          projectId: p.id,
          customerAccountId: p.account.id,
          kind: "FOLLOW_UP",
          title: `Invite the remaining ${p.account.spec.name} stakeholders`,
          assigneeId: p.account.csmId,
          dueAt: p.start,
          createdAt: p.createdAt,
        });
        break;
    }
  }

  for (const account of ctx.accounts.values()) {
    const [from, to] = account.spec.health;
    if (to < 65)
      alert({
        accountId: account.id,
        kind: "ACCOUNT_AT_RISK",
        link: `/accounts/${account.id}`,
        at: addDays(now, -2),
        message: `${account.spec.name} health fell from ${from} to ${to} over 95 days`,
      });
  }
  for (const lead of ctx.spec.leads) {
    const id = ctx.leads.get(lead.key);
    if (!id) continue;
    const owner = ctx.user(lead.owner);
    if (lead.stage === "NEW" && lead.source === "SELF_SERVICE")
      notify(
        owner,
        `New self-service lead: ${lead.company}`,
        `/leads/${id}`,
        ctx.daysAgo(lead.daysAgo, 12) < now ? ctx.daysAgo(lead.daysAgo, 12) : now,
      );
    const assessedAt = leads.get(lead.key)?.assessedAt;
    if (lead.stage === "QUALIFIED" && assessedAt)
      action({
        kind: "FOLLOW_UP",
        title: `Run the feasibility analysis with ${lead.company}`,
        assigneeId: owner,
        dueAt: ctx.daysAgo(0, 17),
        createdAt: assessedAt,
      });
  }
}
