"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { Skeleton } from "@/components/ui/skeleton";
import { readError } from "@/lib/read-error";
import { useTRPC } from "@/trpc/client";
import { CriteriaStep } from "./criteria-step";
import { ContactStep, ProjectStep, TechnologyStep } from "./details-steps";
import { clearDraft, draftKey, intakeFormSchema, readDraft, saveDraft, stepFields, type Step } from "./draft";
import { CATEGORY_INTRO, categoryTitle } from "./questions";

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

/**
 * One form for the whole wizard (docs/architecture.md#forms): Next checks only the step's own fields with
 * `form.trigger`, the last step checks everything, and an error on a field of another step (a restored
 * draft, or the server's) takes the prospect to that step. One schema and one state keep the server's
 * error keys and the draft in one shape, where a form per step would split them.
 */
function Wizard({ form: intake }: { form: IntakeFormData }) {
  const trpc = useTRPC();
  const router = useRouter();
  const key = draftKey(intake.tenant.slug, intake.configVersion);
  const [draft] = useState(() => readDraft(key));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const steps = useMemo<Step[]>(
    () => [
      ...intake.categories.map((c): Step => ({
        kind: "criteria",
        category: c.key,
        criteria: c.criteria.map((x) => x.key),
      })),
      { kind: "project" },
      { kind: "technology" },
      { kind: "contact" },
    ],
    [intake.categories],
  );
  const criteria = useMemo(() => steps.flatMap((s) => (s.kind === "criteria" ? s.criteria : [])), [steps]);
  const [stepIndex, setStepIndex] = useState(draft.step);
  const index = Math.min(Math.max(stepIndex, 0), steps.length - 1);
  const step = steps[index] ?? steps[0];

  const schema = useMemo(() => intakeFormSchema(criteria), [criteria]);
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: {
      // an answer to a question this version does not ask is dropped
      answers: Object.fromEntries(Object.entries(draft.answers).filter(([k]) => criteria.includes(k))),
      project: draft.project,
      contact: draft.contact,
      website: "",
    },
  });
  // a new array on every change (the objects in it are the form's own, changed in place)
  const watched = useWatch({ control: form.control, name: ["answers", "project", "contact"] });
  useEffect(() => {
    const [answers, project, contact] = watched;
    saveDraft(key, { step: index, answers, project, contact });
  }, [key, index, watched]);
  // after Back / Next, move focus to the new step's heading so screen readers announce it
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [index]);

  const submit = useMutation(trpc.intake.submit.mutationOptions());

  function go(to: number) {
    moved.current = true;
    setStepIndex(to);
    window.scrollTo({ top: 0 });
  }

  /** Goes to the first step with an error in the form; an error no step shows becomes the form's own. */
  function showFirstError(message = "Something went wrong.") {
    const at = steps.findIndex((s) => stepFields(s).some((name) => form.getFieldState(name).error));
    if (at === -1) {
      if (!form.formState.errors.root?.server) form.setError("root.server", { type: "server", message });
    } else if (at !== index) go(at);
  }

  async function next() {
    if (!step) return;
    form.clearErrors("root");
    if (!(await form.trigger(stepFields(step)))) return;
    if (index < steps.length - 1) {
      go(index + 1);
      return;
    }
    await form.handleSubmit(
      ({ answers, project, contact, website }) =>
        submit.mutate(
          { tenantSlug: intake.tenant.slug, answers, project, contact, ...(website ? { website } : {}) },
          {
            onSuccess: (res) => {
              clearDraft(key);
              router.push(res.resultPath);
            },
            onError: (error) => {
              // field errors go under their field, on their step; anything else shows above the buttons
              setServerError(form, error);
              showFirstError(readError(error)?.message);
            },
          },
        ),
      // a restored draft may have skipped a step: send only a complete assessment
      () => showFirstError(),
    )();
  }

  if (!step) return null;
  const { title, description } = stepTitle(step);
  const last = index === steps.length - 1;
  const pct = Math.round(((index + 1) / steps.length) * 100);

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
        <Form {...form}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void next();
            }}
            noValidate
            className="grid gap-6"
          >
            {step.kind === "criteria" ? (
              <CriteriaStep control={form.control} criteria={step.criteria} />
            ) : step.kind === "project" ? (
              <ProjectStep control={form.control} budgetBands={intake.budgetBands} />
            ) : step.kind === "technology" ? (
              <TechnologyStep control={form.control} />
            ) : (
              <ContactStep control={form.control} />
            )}
            <FormRootError />
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-between">
              <Button
                type="button"
                variant="outline"
                size="lg"
                disabled={index === 0 || submit.isPending}
                onClick={() => {
                  form.clearErrors();
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
        </Form>
      </CardContent>
    </Card>
  );
}
