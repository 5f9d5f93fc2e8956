"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { ZIntakeContactSchema, ZIntakeProjectSchema } from "@/lib/schemas/intake";
import { useTRPC } from "@/trpc/client";
import type { Answer } from "@/domain/qualification/config";
import { CriteriaStep } from "./criteria-step";
import { ContactStep, ProjectStep, TechnologyStep } from "./details-steps";
import {
  clearDraft,
  draftKey,
  fieldKey,
  readDraft,
  saveDraft,
  stepErrors,
  stepOf,
  toContact,
  toProject,
  type IntakeDraft,
  type Step,
} from "./draft";
import { CATEGORY_INTRO, categoryTitle } from "./questions";
import { readError } from "@/lib/form-errors";

export type IntakeFormData = {
  tenant: { name: string; slug: string };
  configVersion: number;
  categories: { key: string; criteria: { key: string; label: string }[] }[];
  budgetBands: { key: string; label: string }[];
};

const noSubscription = () => () => {};

/**
 * The draft lives in sessionStorage, which the server cannot read: render a placeholder until the
 * browser has taken over, then start the form from the stored draft (no hydration mismatch).
 */
export function IntakeWizard({ form }: { form: IntakeFormData }) {
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!inBrowser) {
    return (
      <Card aria-busy="true">
        <CardHeader>
          <Skeleton className="h-5 w-40" />
        </CardHeader>
        <CardContent className="grid gap-3">
          <Skeleton className="h-24 w-full" />
          <Skeleton className="h-24 w-full" />
        </CardContent>
      </Card>
    );
  }
  return <Wizard form={form} />;
}

function stepTitle(step: Step): { title: string; description: string } {
  if (step.kind === "criteria")
    return { title: categoryTitle(step.category), description: CATEGORY_INTRO[step.category] ?? "" };
  if (step.kind === "project") return { title: "Your project", description: "The basics we need to size it." };
  if (step.kind === "technology") return { title: "Technology", description: "Skip what you do not know yet." };
  return {
    title: "Where to send your result",
    description: "Your result appears right away; a copy goes to your inbox.",
  };
}

function Wizard({ form }: { form: IntakeFormData }) {
  const trpc = useTRPC();
  const router = useRouter();
  const key = draftKey(form.tenant.slug, form.configVersion);
  const [draft, setDraft] = useState<IntakeDraft>(() => readDraft(key));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [website, setWebsite] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const steps = useMemo<Step[]>(
    () => [
      ...form.categories.map((c): Step => ({
        kind: "criteria",
        category: c.key,
        criteria: c.criteria.map((x) => x.key),
      })),
      { kind: "project" },
      { kind: "technology" },
      { kind: "contact" },
    ],
    [form.categories],
  );
  const index = Math.min(Math.max(draft.step, 0), steps.length - 1);
  const step = steps[index] ?? steps[0];

  useEffect(() => saveDraft(key, draft), [key, draft]);
  // after Back / Next, move focus to the new step's heading so screen readers announce it
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [index]);

  const submit = useMutation(trpc.intake.submit.mutationOptions());

  function go(to: number) {
    moved.current = true;
    setDraft((d) => ({ ...d, step: to }));
    window.scrollTo({ top: 0 });
  }

  function next() {
    if (!step) return;
    const found = stepErrors(step, draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (index < steps.length - 1) {
      go(index + 1);
      return;
    }
    // a restored draft may have skipped a step: send only a complete assessment
    const failing = steps.find((s) => Object.keys(stepErrors(s, draft)).length > 0);
    if (failing) {
      setErrors(stepErrors(failing, draft));
      go(steps.indexOf(failing));
      return;
    }
    const project = ZIntakeProjectSchema.safeParse(toProject(draft.project));
    const contact = ZIntakeContactSchema.safeParse(toContact(draft.contact));
    if (!project.success || !contact.success) return;
    submit.mutate(
      {
        tenantSlug: form.tenant.slug,
        answers: draft.answers,
        project: project.data,
        contact: contact.data,
        ...(website ? { website } : {}),
      },
      {
        onSuccess: (res) => {
          clearDraft(key);
          router.push(res.resultPath);
        },
        onError: (error) => {
          // field errors go next to their field, on their step; anything else shows above the buttons
          const server = readError(error)?.fieldErrors ?? {};
          const mapped = Object.fromEntries(Object.entries(server).map(([k, v]) => [fieldKey(k), v]));
          setErrors(mapped);
          const first = Object.keys(mapped)[0];
          if (first !== undefined) go(stepOf(first, steps));
        },
      },
    );
  }

  if (!step) return null;
  const { title, description } = stepTitle(step);
  const last = index === steps.length - 1;
  const pct = Math.round(((index + 1) / steps.length) * 100);
  const setProject = (patch: Partial<IntakeDraft["project"]>) =>
    setDraft((d) => ({ ...d, project: { ...d.project, ...patch } }));

  return (
    <Card>
      <CardHeader className="gap-3">
        <div className="grid gap-1.5">
          <p className="text-sm text-muted-foreground" aria-live="polite">
            Step {index + 1} of {steps.length}
          </p>
          <div
            role="progressbar"
            aria-label="Assessment progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            className="h-2 overflow-hidden rounded-full bg-muted"
          >
            <div className="h-full rounded-full bg-primary transition-[width]" style={{ width: `${pct}%` }} />
          </div>
        </div>
        <CardTitle as="h2" ref={headingRef} tabIndex={-1} className="text-xl outline-none">
          {title}
        </CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            next();
          }}
          noValidate
          className="grid gap-6"
        >
          {step.kind === "criteria" ? (
            <CriteriaStep
              criteria={step.criteria}
              answers={draft.answers}
              errors={errors}
              onAnswer={(criterion: string, answer: Answer) =>
                setDraft((d) => ({ ...d, answers: { ...d.answers, [criterion]: answer } }))
              }
            />
          ) : step.kind === "project" ? (
            <ProjectStep project={draft.project} errors={errors} budgetBands={form.budgetBands} onChange={setProject} />
          ) : step.kind === "technology" ? (
            <TechnologyStep project={draft.project} errors={errors} onChange={setProject} />
          ) : (
            <ContactStep
              contact={draft.contact}
              errors={errors}
              website={website}
              onChange={(patch) => setDraft((d) => ({ ...d, contact: { ...d.contact, ...patch } }))}
              onWebsite={setWebsite}
            />
          )}
          {submit.error && Object.keys(errors).length === 0 ? (
            <Alert variant="destructive">
              <AlertDescription>{readError(submit.error)?.message}</AlertDescription>
            </Alert>
          ) : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-between">
            <Button
              type="button"
              variant="outline"
              size="lg"
              disabled={index === 0 || submit.isPending}
              onClick={() => {
                setErrors({});
                go(index - 1);
              }}
            >
              Back
            </Button>
            <Button type="submit" size="lg" disabled={submit.isPending || submit.isSuccess}>
              {last ? (submit.isPending || submit.isSuccess ? "Calculating your result…" : "See my result") : "Next"}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
