import Link from "next/link";
import { LEAD_STAGE_LABEL } from "@/lib/labels/lead-stage";
import { SERVICE_TYPE_LABELS } from "@/domain/qualification/labels";
import { Badge } from "@/components/ui/badge";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/format";
import { StageSelector } from "./stage-selector";
import type { LeadDetail } from "./types";

export function LeadHeader({ lead, canWrite }: { lead: LeadDetail; canWrite: boolean }) {
  return (
    <header className="mb-6 grid gap-4">
      <Link href="/leads" className="text-sm text-primary underline">
        All leads
      </Link>
      <div className="flex flex-col gap-4 md:flex-row md:items-start md:justify-between">
        <div className="grid gap-2">
          <h1 className="text-2xl font-semibold tracking-tight">{lead.company}</h1>
          <p className="text-muted-foreground">
            {lead.contactName} ·{" "}
            <a className="underline" href={`mailto:${lead.contactEmail}`}>
              {lead.contactEmail}
            </a>
            {lead.contactPhone ? ` · ${lead.contactPhone}` : ""}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant="outline">Stage: {LEAD_STAGE_LABEL[lead.stage]}</Badge>
            {lead.source === "SELF_SERVICE" ? (
              <Badge variant="secondary">Self-service</Badge>
            ) : (
              <Badge variant="outline">Added by CSM</Badge>
            )}
            {lead.serviceType ? <Badge variant="outline">{SERVICE_TYPE_LABELS[lead.serviceType]}</Badge> : null}
          </div>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-muted-foreground">Score</dt>
              <dd className="font-medium tabular-nums">
                {lead.latestScore === null ? "Not scored" : `${lead.latestScore.toFixed(1)}/100`}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Owner</dt>
              <dd className="font-medium">{lead.owner?.name ?? "Unassigned"}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Est. value</dt>
              <dd className="font-medium">
                {lead.estimatedValueCents === null ? "—" : formatMoney(lead.estimatedValueCents)}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Created</dt>
              <dd className="font-medium">{formatDate(lead.createdAt)}</dd>
            </div>
          </dl>
          {lead.notes ? <p className="max-w-prose text-sm whitespace-pre-line">{lead.notes}</p> : null}
        </div>
        {canWrite ? <StageSelector leadId={lead.id} stage={lead.stage} /> : null}
      </div>
    </header>
  );
}
