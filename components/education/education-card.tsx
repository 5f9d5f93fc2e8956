"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { SessionScheduleForm } from "@/components/calendar/session-schedule-form";
import { ProgressBar } from "@/components/portal/progress-bar";
import { SERVICE_TYPE_LABELS } from "@/domain/qualification/labels";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { SelectField } from "@/components/ui/form-controls";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";
import { formatDate, formatDateTime } from "@/lib/format";
import { readError } from "@/lib/form-errors";
import {
  EDUCATION_BACKGROUNDS,
  ZCreateEducationPlanSchema,
  type CreateEducationPlanInput,
} from "@/lib/schemas/education";

type Target = { leadId: string } | { customerAccountId: string };
type ServiceTypeKey = CreateEducationPlanInput["serviceType"];
const BACKGROUND_LABEL: Record<(typeof EDUCATION_BACKGROUNDS)[number], string> = {
  business: "Business",
  technical: "Technical",
};

const STATUS: Record<string, { label: string; tone: NonNullable<BadgeProps["variant"]> }> = {
  SCHEDULED: { label: "Scheduled", tone: "outline" },
  SENT: { label: "Sent", tone: "warning" },
  COMPLETED: { label: "Completed", tone: "success" },
};

/** Education plans of a lead or account (docs/domain.md#education): create one, follow completion per stakeholder. */
export function EducationCard({
  target,
  defaultServiceType,
  canWrite,
  plans,
}: {
  target: Target;
  defaultServiceType: ServiceTypeKey | null;
  canWrite: boolean;
  plans: RouterOutputs["education"]["plans"];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(ZCreateEducationPlanSchema),
    defaultValues: {
      ...target,
      serviceType: defaultServiceType ?? "MVP_DEVELOPMENT",
      background: "business",
    } as CreateEducationPlanInput,
  });
  const create = useMutation(
    trpc.education.createPlan.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => setServerError(form, error),
    }),
  );
  const complete = useMutation(trpc.education.complete.mutationOptions({ onSuccess: () => router.refresh() }));

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Customer education</CardTitle>
        <CardDescription>
          A personalised plan per stakeholder: the guarantee first, then how the work runs, spread over the first days.
          Completion counts only items marked read.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {canWrite ? (
          <Form {...form}>
            <form
              className="flex flex-wrap items-end gap-3"
              noValidate
              onSubmit={(e) => void form.handleSubmit((input) => create.mutate(input))(e)}
            >
              <SelectField
                control={form.control}
                name="serviceType"
                label="Service type"
                options={Object.entries(SERVICE_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
              />
              <SelectField
                control={form.control}
                name="background"
                label="Default background"
                options={Object.entries(BACKGROUND_LABEL).map(([value, label]) => ({ value, label }))}
              />
              <Button type="submit" disabled={create.isPending}>
                {create.isPending ? "Planning…" : "Create education plan"}
              </Button>
              <FormRootError className="basis-full" />
            </form>
          </Form>
        ) : null}
        {create.data ? (
          <Alert variant="success">
            <AlertDescription>{create.data.explanation}</AlertDescription>
          </Alert>
        ) : null}
        {complete.error ? (
          <Alert variant="destructive">
            <AlertDescription>{readError(complete.error)?.message}</AlertDescription>
          </Alert>
        ) : null}
        {plans.length === 0 ? (
          <EmptyState
            title="No education plan yet"
            description="Create one so every stakeholder learns how the guarantee and the weekly milestones work."
            headingAs="h3"
          />
        ) : (
          plans.map((plan) => (
            <section
              key={plan.id}
              aria-label={`${SERVICE_TYPE_LABELS[plan.serviceType]} education plan`}
              className="grid gap-3 rounded-md border p-3"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-medium">
                  {SERVICE_TYPE_LABELS[plan.serviceType]} · {plan.background} track
                </h3>
                <span className="text-sm text-muted-foreground">Created {formatDate(plan.createdAt)}</span>
              </div>
              <div className="grid gap-1">
                <ProgressBar value={plan.progress.percent} label="Education completed" />
                <p className="text-sm text-muted-foreground">{plan.progress.explanation}</p>
              </div>
              <ul className="grid gap-1 text-sm">
                {plan.progress.stakeholders.map((s) => (
                  <li key={s.stakeholderId ?? "contact"}>
                    <span className="font-medium">{s.name}</span>: {s.explanation}
                  </li>
                ))}
              </ul>
              <div className="overflow-x-auto">
                <Table aria-label="Education items">
                  <TableHeader>
                    <TableRow>
                      <TableHead>Item</TableHead>
                      <TableHead>For</TableHead>
                      <TableHead>Scheduled</TableHead>
                      <TableHead>Status</TableHead>
                      {canWrite ? (
                        <TableHead>
                          <span className="sr-only">Actions</span>
                        </TableHead>
                      ) : null}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {plan.deliveries.map((d) => {
                      const status = STATUS[d.status] ?? { label: d.status, tone: "outline" as const };
                      return (
                        <TableRow key={d.id}>
                          <TableCell>
                            {d.item.title} <span className="text-muted-foreground">({d.item.durationMinutes} min)</span>
                            {canWrite && d.item.deliveryMethod === "video_call" ? (
                              <SessionScheduleForm
                                deliveryId={d.id}
                                title={d.item.title}
                                sessionAt={d.sessionAt}
                                joinUrl={d.joinUrl}
                              />
                            ) : null}
                          </TableCell>
                          <TableCell>{d.user?.name ?? "Primary contact"}</TableCell>
                          <TableCell className="tabular-nums">{formatDateTime(d.scheduledAt)}</TableCell>
                          <TableCell>
                            <Badge variant={status.tone}>{status.label}</Badge>
                          </TableCell>
                          {canWrite ? (
                            <TableCell>
                              {d.status !== "COMPLETED" ? (
                                <Button
                                  size="sm"
                                  variant="outline"
                                  disabled={complete.isPending}
                                  onClick={() => complete.mutate({ deliveryId: d.id })}
                                >
                                  Mark completed
                                  <span className="sr-only">
                                    {" "}
                                    ({d.item.title}, {d.user?.name ?? "primary contact"})
                                  </span>
                                </Button>
                              ) : null}
                            </TableCell>
                          ) : null}
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </div>
            </section>
          ))
        )}
      </CardContent>
    </Card>
  );
}
