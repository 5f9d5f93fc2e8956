import "server-only";
import { dossierInputs, findAccountGuarantee, findProjectGuarantee } from "@/server/db/guarantees";
import { accountExpansionFacts } from "@/server/db/retention";
import { successDossier, type SuccessDossier } from "@/domain/guarantee/dossier";
import { testimonialsOf } from "@/domain/guarantee/validation";
import { expansionOpportunities } from "@/domain/retention/expansion";
import { AppError, notFound } from "@/server/errors";
import type { ServiceContext } from "./context";
import { readOutcome } from "./guarantees";

/**
 * The success dossier of a met guarantee (docs/domain.md#success-validation): built from the stored final validation and the
 * project's deliverables. Staff of the tenant read any project's; a customer (customerAccountId given)
 * only their own account's. A guarantee not (yet) met has no dossier.
 */
export async function successDossierFor(
  ctx: Pick<ServiceContext, "db" | "tenantId" | "now">,
  projectId: string,
  customerAccountId: string | null,
): Promise<SuccessDossier> {
  const g = customerAccountId
    ? await findAccountGuarantee(ctx.db, ctx.tenantId, customerAccountId, projectId)
    : await findProjectGuarantee(ctx.db, ctx.tenantId, projectId);
  if (!g) throw notFound("Project");
  const outcome = readOutcome(g.outcome);
  if (g.status !== "SUCCEEDED" || !outcome?.overallSuccess) {
    throw new AppError("CONFLICT", "This project's guarantee has not been met, so there is no success dossier.");
  }
  const [inputs, account] = await Promise.all([
    dossierInputs(ctx.db, ctx.tenantId, g.project.id),
    accountExpansionFacts(ctx.db, ctx.tenantId, g.project.customerAccount.id),
  ]);
  const e = inputs.evidence;
  return successDossier({
    provider: inputs.tenant?.name ?? "",
    customer: g.project.customerAccount.name,
    currency: inputs.tenant?.currency ?? "USD",
    project: {
      id: g.project.id,
      name: g.project.name,
      serviceType: g.project.serviceType,
      tierKey: g.project.tierKey,
      startDate: g.project.startDate,
      targetEndDate: g.project.targetEndDate,
      completedAt: g.project.completedAt,
      contractValueCents: g.project.contractValueCents,
    },
    guarantee: {
      amountCents: g.amountCents,
      startsAt: g.startsAt,
      endsAt: g.endsAt,
      decidedAt: g.decidedAt,
      threshold: g.successThreshold,
    },
    outcome,
    weeks: inputs.weeks,
    environments: inputs.environments,
    latestEvidence: e ? { ...e, at: e.createdAt } : null,
    testimonials: testimonialsOf(outcome.facts),
    opportunities: expansionOpportunities(account),
    issuedAt: ctx.now,
  });
}
