"use client";

import { formText } from "@/lib/form-data";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { STAKEHOLDER_ROLES } from "@/lib/schemas/users";
import { ZKickoffSchema } from "@/lib/schemas/kickoff";
import { formErrors, fieldErrorsOf } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "./types";
import { STAKEHOLDER_ROLE_LABEL } from "@/lib/labels/stakeholder-role";
import { kickoffPhaseLabel } from "@/lib/labels/kickoff-phase";
import { stepStatusLabel } from "@/lib/labels/step-status";

type Status = RouterOutputs["kickoff"]["status"];
type Stakeholder = {
  name: string;
  email: string;
  stakeholderRole: (typeof STAKEHOLDER_ROLES)[number];
  isApprover: boolean;
};

/**
 * Kickoff (docs/domain.md#kickoff) from the lead page: at the proposal stage a CSM names the project, picks the start
 * date and technical lead, and invites the customer's stakeholders; a failed attempt shows the phase that
 * failed and why, and can be retried; a converted lead links to its project.
 */
export function KickoffCard({
  leadId,
  company,
  tierName,
  status,
  canKickoff,
  stage,
}: {
  leadId: string;
  company: string;
  tierName: string | null;
  status: Status;
  canKickoff: boolean;
  stage: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const today = new Date().toISOString().slice(0, 10);
  const options = useQuery({ ...trpc.kickoff.options.queryOptions(), enabled: canKickoff && stage === "PROPOSAL" });
  const [stakeholders, setStakeholders] = useState<Stakeholder[]>([
    { name: "", email: "", stakeholderRole: "PRODUCT_OWNER", isApprover: true },
  ]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const start = useMutation(
    trpc.kickoff.start.mutationOptions({
      onSuccess: (data) => router.push(`/projects/${data.projectId}`),
      onError: (error) => {
        setFieldErrors(fieldErrorsOf(error));
        router.refresh();
      },
    }),
  );

  if (status?.project) {
    return (
      <Card>
        <CardHeader>
          <CardTitle as="h2">Project</CardTitle>
          <CardDescription>This lead was kicked off as {status.project.name}.</CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild variant="outline">
            <Link href={`/projects/${status.project.id}`}>Open the project</Link>
          </Button>
        </CardContent>
      </Card>
    );
  }
  if (stage !== "PROPOSAL" || !canKickoff) return null;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      leadId,
      projectName: formText(form.get("projectName")).trim() || undefined,
      startDate: formText(form.get("startDate")) || undefined,
      techLeadId: formText(form.get("techLeadId")) || undefined,
      hasUiRequirements: form.get("hasUiRequirements") === "on",
      hasComplianceRequirements: form.get("hasComplianceRequirements") === "on",
      stakeholders: stakeholders.filter((s) => s.name.trim() !== "" || s.email.trim() !== ""),
    };
    const parsed = ZKickoffSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(formErrors(parsed.error));
      return;
    }
    setFieldErrors({});
    start.mutate(parsed.data);
  }

  const failed = status?.kickoff?.status === "failed" ? status.kickoff : null;
  const failedStep = failed?.steps.find((p) => p.status === "failed");
  const set = (i: number, patch: Partial<Stakeholder>) =>
    setStakeholders((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Kick off the project</CardTitle>
        <CardDescription>
          Creates the customer account and the project in six phases: setup, delivery team, environments, stakeholder
          invitations, the 30-day guarantee and the weekly milestones. Nothing is saved unless every phase succeeds.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {failed ? (
          <Alert variant="destructive">
            <AlertDescription>
              The last attempt failed at <strong>{failedStep ? kickoffPhaseLabel(failedStep.phase) : "kickoff"}</strong>
              : {failed.error} Nothing was saved; fix it and kick off again.
              <span className="mt-2 flex flex-wrap gap-1">
                {failed.steps.map((p) => (
                  <Badge
                    key={p.phase}
                    variant={p.status === "failed" ? "destructive" : p.status === "completed" ? "success" : "outline"}
                  >
                    {kickoffPhaseLabel(p.phase)}: {stepStatusLabel(p.status).toLowerCase()}
                  </Badge>
                ))}
              </span>
            </AlertDescription>
          </Alert>
        ) : null}
        <form onSubmit={submit} noValidate className="grid gap-4">
          <div className="grid gap-4 sm:grid-cols-3">
            <FormField id="kick-name" label="Project name" error={fieldErrors.projectName}>
              <Input name="projectName" defaultValue={`${company} — ${tierName ?? "project"}`} />
            </FormField>
            <FormField id="kick-start" label="Start date" error={fieldErrors.startDate}>
              <Input name="startDate" type="date" defaultValue={today} />
            </FormField>
            <FormField id="kick-lead" label="Technical lead" error={fieldErrors.techLeadId}>
              <NativeSelect name="techLeadId" defaultValue="">
                <option value="">Assign later</option>
                {(options.data?.techLeads ?? []).map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
          </div>
          <div className="flex flex-wrap gap-6 text-sm">
            <label className="flex items-center gap-2">
              <input type="checkbox" name="hasUiRequirements" defaultChecked className="size-4" /> Has UI requirements
              (adds a UI/UX specialist)
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="hasComplianceRequirements" className="size-4" /> Has compliance requirements
              (adds a security specialist)
            </label>
          </div>
          <fieldset className="grid gap-3">
            <legend className="mb-1 text-sm font-medium">Customer stakeholders to invite</legend>
            {stakeholders.map((s, i) => (
              <div key={i} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_12rem_auto_auto]">
                <FormField
                  id={`sh-name-${i}`}
                  label={`Stakeholder ${i + 1} name`}
                  error={fieldErrors[`stakeholders.${i}.name`]}
                >
                  <Input value={s.name} onChange={(e) => set(i, { name: e.target.value })} />
                </FormField>
                <FormField
                  id={`sh-email-${i}`}
                  label={`Stakeholder ${i + 1} email`}
                  error={fieldErrors[`stakeholders.${i}.email`]}
                >
                  <Input type="email" value={s.email} onChange={(e) => set(i, { email: e.target.value })} />
                </FormField>
                <FormField id={`sh-role-${i}`} label={`Stakeholder ${i + 1} role`}>
                  <NativeSelect
                    value={s.stakeholderRole}
                    onChange={(e) => set(i, { stakeholderRole: e.target.value as Stakeholder["stakeholderRole"] })}
                  >
                    {STAKEHOLDER_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {STAKEHOLDER_ROLE_LABEL[r]}
                      </option>
                    ))}
                  </NativeSelect>
                </FormField>
                <label className="flex h-9 items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={s.isApprover}
                    onChange={(e) => set(i, { isApprover: e.target.checked })}
                    className="size-4"
                  />{" "}
                  Approves
                </label>
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => setStakeholders((list) => list.filter((_, j) => j !== i))}
                >
                  Remove<span className="sr-only"> stakeholder {i + 1}</span>
                </Button>
              </div>
            ))}
            <div>
              <Button
                variant="outline"
                size="sm"
                onClick={() =>
                  setStakeholders((list) => [
                    ...list,
                    { name: "", email: "", stakeholderRole: "MEMBER", isApprover: false },
                  ])
                }
              >
                Add a stakeholder
              </Button>
            </div>
          </fieldset>
          {start.error ? (
            <Alert variant="destructive">
              <AlertDescription>{start.error.message}</AlertDescription>
            </Alert>
          ) : null}
          <div>
            <Button type="submit" disabled={start.isPending}>
              {start.isPending ? "Kicking off…" : "Kick off the project"}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
