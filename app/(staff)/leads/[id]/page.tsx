import type { Metadata } from "next";
import { EducationCard } from "@/components/education/education-card";
import { AssessmentHistory } from "@/components/leads/detail/assessment-history";
import { FeasibilityCard } from "@/components/leads/detail/feasibility-card";
import { JourneyCard } from "@/components/journeys/journey-card";
import { KickoffCard } from "@/components/leads/detail/kickoff-card";
import { LeadHeader } from "@/components/leads/detail/lead-header";
import { QualificationForm } from "@/components/leads/detail/qualification-form";
import { ScoreExplanation } from "@/components/leads/detail/score-explanation";
import { TiersCard } from "@/components/leads/detail/tiers-card";
import { readStoredAnswers } from "@/components/leads/detail/types";
import { api } from "@/trpc/server";
import { requirePermission } from "@/server/auth/guard";
import { can } from "@/domain/access/permissions";
import type { QualificationConfig } from "@/domain/qualification/config";
import { orNotFound } from "@/trpc/or-not-found";

export const metadata: Metadata = { title: "Lead" };

async function loadLead(leadId: string) {
  const trpc = await api();
  // another tenant's lead, an unknown id and a malformed id all read "not found"
  return orNotFound(
    Promise.all([
      trpc.leads.get({ leadId }),
      trpc.qualification.history({ leadId }),
      trpc.feasibility.latest({ leadId }),
      trpc.tiers.latest({ leadId }),
      trpc.config.get({ kind: "qualification" }),
      trpc.kickoff.status({ leadId }),
      trpc.journeys.forLead({ leadId }),
      trpc.education.plans({ leadId }),
    ]),
  );
}

export default async function LeadDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePermission("pipeline:read");
  const { id } = await params;
  const [lead, history, feasibility, tiers, qualificationConfig, kickoff, journey, plans] = await loadLead(id);
  const chosenTier = tiers.tiers.find((t) => t.chosen) ?? null;
  const canWrite = can(me.role, "leads:write");
  const latest = history[0];
  const latestFinal = history.find((a) => !a.isDraft);
  const closed = lead.stage === "CONVERTED" || lead.stage === "LOST";
  const canKickoff = can(me.role, "kickoff:write");
  // the kickoff form's technical leads, loaded only when the form shows
  const kickoffOptions =
    canKickoff && lead.stage === "PROPOSAL" && !kickoff?.project ? await (await api()).kickoff.options() : null;

  return (
    <>
      <LeadHeader lead={lead} canWrite={canWrite} />
      <div className="grid gap-6">
        <JourneyCard
          leadId={lead.id}
          journey={journey}
          canStart={can(me.role, "kickoff:write") && lead.stage !== "LOST"}
        />
        {canWrite && !closed ? (
          <QualificationForm
            leadId={lead.id}
            initial={latest ? readStoredAnswers(latest.answers) : null}
            // config.get answers by kind; the "qualification" kind holds a QualificationConfig
            config={qualificationConfig.data as QualificationConfig}
            configVersion={qualificationConfig.version}
          />
        ) : null}
        <ScoreExplanation assessment={latestFinal ?? null} />
        <AssessmentHistory rows={history} />
        <div className="grid gap-6 xl:grid-cols-2">
          <FeasibilityCard leadId={lead.id} initial={feasibility} canWrite={canWrite && !closed} />
          <TiersCard leadId={lead.id} initial={tiers} canWrite={canWrite && !closed} />
        </div>
        <KickoffCard
          leadId={lead.id}
          company={lead.company}
          tierName={chosenTier?.name ?? null}
          status={kickoff}
          canKickoff={canKickoff}
          stage={lead.stage}
          techLeads={kickoffOptions?.techLeads ?? []}
        />
        <EducationCard
          target={{ leadId: lead.id }}
          defaultServiceType={lead.serviceType}
          canWrite={canWrite && !closed}
          plans={plans}
        />
      </div>
    </>
  );
}
