import { MILESTONE_STATUS_LABEL } from "@/lib/labels/milestone-status";
import { MILESTONE_STATUS_TONE } from "@/components/shell/status-tone";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate, formatDateTime } from "@/lib/format";
import type { QualityGates } from "@/domain/quality/config";
import { MilestoneValidationForm } from "./milestone-validation-form";
import type { MilestoneView, ProjectView } from "./types";

const BORDER: Record<string, string> = {
  SUCCESS: "border-l-emerald-500",
  AT_RISK: "border-l-amber-500",
  FAILED: "border-l-red-500",
  IN_PROGRESS: "border-l-sky-500",
  PENDING: "border-l-muted",
};

function signOffText(c: MilestoneView["criteria"][number]): string {
  if (!c.requiresSignOff) return "—";
  const last = c.signOffs[0];
  if (!last) return "Pending customer sign-off";
  return `${last.decision === "APPROVED" ? "Approved" : "Changes requested"} by ${last.user.name}, ${formatDate(last.createdAt)}`;
}

/** Why a validation ran again without scores typed in (services/projects.ts `Revalidation`), when it did. */
function revalidationOf(criteriaScores: unknown): { reason: string; bySystem: boolean } | null {
  const r = (criteriaScores as { revalidation?: { reason?: unknown; bySystem?: unknown } } | null)?.revalidation;
  return typeof r?.reason === "string" ? { reason: r.reason, bySystem: r.bySystem === true } : null;
}

/** One week: criteria with evidence and sign-off state, validation history, and (tech lead) the validation form. */
export function MilestoneCard({
  milestone: m,
  canValidate,
  evidence,
  gates,
}: {
  milestone: MilestoneView;
  canValidate: boolean;
  evidence: ProjectView["latestEvidence"];
  gates: QualityGates;
}) {
  // validated while a sign-off is pending or a criterion is not scored yet: the stored score counts those
  // as 0 (the week is re-validated when the customer decides); the validation also recorded its best case
  const provisional = m.status === "IN_PROGRESS" && m.score !== null;
  const latest = m.validations[0]?.criteriaScores as
    { bestCaseScore?: unknown; engineStatus?: unknown } | null | undefined;
  const bestCase = latest?.bestCaseScore;
  const provisionalWhy =
    latest?.engineStatus === "not_scored"
      ? "criteria not scored yet count as 0 and the week has no verdict until every one is scored"
      : "sign-offs still pending count as 0 until the customer decides";
  return (
    <Card id={`week-${m.weekNumber}`} className={`border-l-4 ${BORDER[m.status] ?? ""}`}>
      <CardHeader>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <CardTitle as="h3">
            Week {m.weekNumber}: {m.title}
          </CardTitle>
          <div className="flex items-center gap-2">
            {m.score !== null ? <span className="font-semibold tabular-nums">{m.score.toFixed(2)}</span> : null}
            {provisional ? <Badge variant="outline">Provisional</Badge> : null}
            <Badge variant={MILESTONE_STATUS_TONE[m.status]}>{MILESTONE_STATUS_LABEL[m.status]}</Badge>
          </div>
        </div>
        <CardDescription>
          Due {formatDate(m.dueDate)} · success ≥ {m.minimumSuccessThreshold}, escalation ≥ {m.escalationThreshold}
          {m.validatedAt ? ` · last validated ${formatDateTime(m.validatedAt)}` : ""}
          {provisional
            ? ` · provisional: ${provisionalWhy}${typeof bestCase === "number" ? ` (best case ${bestCase.toFixed(2)})` : ""}`
            : ""}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {/* weight and score come right after the criterion so a phone shows them without scrolling; the
            long texts wrap instead of widening the table */}
        <Table aria-label={`Week ${m.weekNumber} criteria`}>
          <TableHeader>
            <TableRow>
              <TableHead>Criterion</TableHead>
              <TableHead className="text-right">Weight</TableHead>
              <TableHead className="text-right">Score</TableHead>
              <TableHead>Validation</TableHead>
              <TableHead>Evidence / sign-off</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {m.criteria.map((c) => {
              const ev = c.evidence as { source?: string; reason?: string } | null;
              return (
                <TableRow key={c.id}>
                  <TableCell className="min-w-32 whitespace-normal">
                    <span className="font-medium">{c.name}</span>
                    <br />
                    <span className="text-xs text-muted-foreground">{c.deliverable}</span>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{Math.round(c.weight * 100)}%</TableCell>
                  <TableCell className="text-right tabular-nums">{c.score === null ? "—" : c.score}</TableCell>
                  <TableCell className="min-w-24 text-xs whitespace-normal">
                    {c.validationMethod.replaceAll("_", " ")}
                  </TableCell>
                  <TableCell className="min-w-40 text-xs whitespace-normal">
                    {c.requiresSignOff ? <span className="block">{signOffText(c)}</span> : null}
                    {ev?.reason ? <span className="block text-muted-foreground">{ev.reason}</span> : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {m.validations.length > 0 ? (
          <details>
            <summary className="cursor-pointer text-sm font-medium">
              Validation history ({m.validations.length})
            </summary>
            <ul className="mt-2 grid gap-1 text-sm">
              {m.validations.map((v) => {
                const again = revalidationOf(v.criteriaScores);
                return (
                  <li key={v.id} className="flex flex-wrap gap-2">
                    <span className="tabular-nums">{formatDateTime(v.createdAt)}</span>
                    <span className="font-medium tabular-nums">{v.score.toFixed(2)}</span>
                    <Badge variant={MILESTONE_STATUS_TONE[v.status]}>{MILESTONE_STATUS_LABEL[v.status]}</Badge>
                    {again ? (
                      <span className="text-muted-foreground">
                        {again.bySystem ? "Re-validated automatically" : "Re-validated"}: {again.reason}
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </details>
        ) : null}
        {canValidate && m.status !== "PENDING" ? (
          <MilestoneValidationForm milestone={m} evidence={evidence} gates={gates} />
        ) : null}
        {canValidate && m.status === "PENDING" ? (
          <p className="text-sm text-muted-foreground">
            This week has not started; it opens for validation when the previous week is validated or its start date
            passes.
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
