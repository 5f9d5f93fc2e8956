"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { LEAD_STAGE_LABEL } from "@/lib/labels/lead-stage";
import { Button } from "@/components/ui/button";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { SelectField } from "@/components/ui/form-controls";
import { ZUpdateLeadStageSchema } from "@/lib/schemas/leads";
import { useTRPC } from "@/trpc/client";
import { MANUAL_TRANSITIONS, type LeadStage } from "@/domain/pipeline/stages";

const ZStageForm = ZUpdateLeadStageSchema.pick({ stage: true });

export function StageSelector({ leadId, stage }: { leadId: string; stage: LeadStage }) {
  const trpc = useTRPC();
  const router = useRouter();
  const options = MANUAL_TRANSITIONS[stage];
  const form = useForm({
    resolver: zodResolver(ZStageForm),
    defaultValues: {},
  });
  const target = useWatch({ control: form.control, name: "stage" });
  const move = useMutation(
    trpc.leads.updateStage.mutationOptions({
      onSuccess: () => {
        form.reset({});
        router.refresh();
      },
      onError: (error) => setServerError(form, error),
    }),
  );

  if (options.length === 0)
    return <p className="text-sm text-muted-foreground">This lead&apos;s stage no longer changes by hand.</p>;

  const submit = form.handleSubmit((input) => move.mutate({ leadId, stage: input.stage }));

  return (
    <Form {...form}>
      <form onSubmit={(e) => void submit(e)} className="grid gap-2" noValidate>
        <div className="flex flex-wrap items-end gap-2">
          <SelectField
            control={form.control}
            name="stage"
            label="Move to stage"
            className="gap-1"
            wrapperClassName="w-48"
            placeholder="Choose a stage…"
            options={options.map((s) => ({ value: s, label: LEAD_STAGE_LABEL[s] }))}
          />
          <Button type="submit" variant="secondary" disabled={!target || move.isPending}>
            {move.isPending ? "Moving…" : "Change stage"}
          </Button>
        </div>
        <FormRootError />
      </form>
    </Form>
  );
}
