"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { CheckboxField, SelectField, TextField } from "@/components/ui/form-controls";
import { optionalText } from "@/lib/form-input";
import { STAKEHOLDER_ROLES } from "@/lib/schemas/users";
import { ZKickoffSchema, ZKickoffStakeholderRowsSchema } from "@/lib/schemas/kickoff";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "./types";
import { STAKEHOLDER_ROLE_LABEL } from "@/lib/labels/stakeholder-role";
import { kickoffPhaseLabel } from "@/lib/labels/kickoff-phase";
import { stepStatusLabel } from "@/lib/labels/step-status";

type Status = RouterOutputs["kickoff"]["status"];
export type TechLead = RouterOutputs["kickoff"]["options"]["techLeads"][number];

const ROLE_OPTIONS = STAKEHOLDER_ROLES.map((r) => ({ value: r, label: STAKEHOLDER_ROLE_LABEL[r] }));
const shape = ZKickoffSchema.shape;
/** The shared kickoff schema over what is typed: blank text is "not given", blank stakeholder rows are not sent. */
const ZKickoffForm = ZKickoffSchema.omit({ leadId: true }).extend({
  projectName: optionalText(shape.projectName),
  startDate: optionalText(shape.startDate),
  techLeadId: optionalText(shape.techLeadId),
  hasUiRequirements: z.boolean(),
  hasComplianceRequirements: z.boolean(),
  stakeholders: ZKickoffStakeholderRowsSchema,
});

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
  techLeads,
}: {
  leadId: string;
  company: string;
  tierName: string | null;
  status: Status;
  canKickoff: boolean;
  stage: string;
  /** who may lead the project; the page loads them only when the form shows */
  techLeads: TechLead[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(ZKickoffForm),
    defaultValues: {
      projectName: `${company} — ${tierName ?? "project"}`,
      // the browser's today is the form's default; the service checks the range against its own clock
      startDate: new Date().toISOString().slice(0, 10),
      techLeadId: "",
      hasUiRequirements: true,
      hasComplianceRequirements: false,
      stakeholders: [{ name: "", email: "", stakeholderRole: "PRODUCT_OWNER" as const, isApprover: true }],
    },
  });
  const rows = useFieldArray({ control: form.control, name: "stakeholders" });
  const start = useMutation(
    trpc.kickoff.start.mutationOptions({
      onSuccess: (data) => router.push(`/projects/${data.projectId}`),
      onError: (error) => {
        setServerError(form, error);
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

  const submit = form.handleSubmit((input) => {
    // the rows sent are the rows shown, so the server's "stakeholders.2.email" names the row on screen
    const kept = form.getValues("stakeholders").filter((r) => r.name.trim() !== "" || r.email.trim() !== "");
    if (kept.length !== rows.fields.length) rows.replace(kept);
    start.mutate({ leadId, ...input });
  });

  const failed = status?.kickoff?.status === "failed" ? status.kickoff : null;
  const failedStep = failed?.steps.find((p) => p.status === "failed");
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
        <Form {...form}>
          <form onSubmit={(e) => void submit(e)} noValidate className="grid gap-4">
            <div className="grid gap-4 sm:grid-cols-3">
              <TextField control={form.control} name="projectName" label="Project name" />
              <TextField control={form.control} name="startDate" label="Start date" type="date" />
              <SelectField
                control={form.control}
                name="techLeadId"
                label="Technical lead"
                placeholder="Assign later"
                options={techLeads.map((t) => ({ value: t.id, label: t.name }))}
              />
            </div>
            <div className="flex flex-wrap gap-6 text-sm">
              <CheckboxField
                control={form.control}
                name="hasUiRequirements"
                label="Has UI requirements (adds a UI/UX specialist)"
              />
              <CheckboxField
                control={form.control}
                name="hasComplianceRequirements"
                label="Has compliance requirements (adds a security specialist)"
              />
            </div>
            <fieldset className="grid gap-3">
              <legend className="mb-1 text-sm font-medium">Customer stakeholders to invite</legend>
              {rows.fields.map((row, i) => (
                <div key={row.id} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_12rem_auto_auto]">
                  <TextField
                    control={form.control}
                    name={`stakeholders.${i}.name`}
                    label={`Stakeholder ${i + 1} name`}
                  />
                  <TextField
                    control={form.control}
                    name={`stakeholders.${i}.email`}
                    label={`Stakeholder ${i + 1} email`}
                    type="email"
                  />
                  <SelectField
                    control={form.control}
                    name={`stakeholders.${i}.stakeholderRole`}
                    label={`Stakeholder ${i + 1} role`}
                    options={ROLE_OPTIONS}
                  />
                  <CheckboxField
                    control={form.control}
                    name={`stakeholders.${i}.isApprover`}
                    label="Approves"
                    className="flex h-9 items-center gap-2 text-sm"
                  />
                  <Button type="button" variant="ghost" size="sm" onClick={() => rows.remove(i)}>
                    Remove<span className="sr-only"> stakeholder {i + 1}</span>
                  </Button>
                </div>
              ))}
              <div>
                <Button
                  type="button"
                  variant="outline"
                  size="sm"
                  onClick={() => rows.append({ name: "", email: "", stakeholderRole: "MEMBER", isApprover: false })}
                >
                  Add a stakeholder
                </Button>
              </div>
            </fieldset>
            <FormRootError />
            <div>
              <Button type="submit" disabled={start.isPending}>
                {start.isPending ? "Kicking off…" : "Kick off the project"}
              </Button>
            </div>
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}
